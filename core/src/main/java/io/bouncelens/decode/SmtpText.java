package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.List;

/** Codes and commands read from a server's reply text with literal scanning. */
public final class SmtpText {

    private SmtpText() {
    }

    /** A reply code (2xx-5xx) at the start of the text, after an optional type such as {@code smtp;}. */
    public static Integer leadingReplyCode(String text) {
        if (text == null) return null;
        String t = stripType(text);
        if (t.length() >= 3 && isCodeAt(t, 0) && (t.length() == 3 || !Character.isDigit(t.charAt(3)))) {
            return Integer.parseInt(t.substring(0, 3));
        }
        return null;
    }

    /** The first reply code anywhere in the text: three digits starting 2-5 standing alone, else null. */
    public static Integer firstReplyCode(String text) {
        if (text == null) return null;
        int at = replyCodeAt(text, 0);
        return at < 0 ? null : Integer.parseInt(text.substring(at, at + 3));
    }

    /** Where the first reply code at or after {@code from} starts, or -1. */
    private static int replyCodeAt(String text, int from) {
        for (int i = from; i + 3 <= text.length(); i++) {
            if (isCodeAt(text, i) && (i == 0 || !isWordChar(text.charAt(i - 1)))
                    && (i + 3 == text.length() || !isWordChar(text.charAt(i + 3)) && text.charAt(i + 3) != '.')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first failure reply code (4xx or 5xx) in the text, skipping the 2xx and 3xx answers a
     * pasted SMTP transcript shows before the one that failed; null when there is none. One pass.
     */
    public static Integer firstFailureReplyCode(String text) {
        if (text == null) return null;
        for (int at = replyCodeAt(text, 0); at >= 0; at = replyCodeAt(text, at + 3)) {
            if (text.charAt(at) >= '4') return Integer.parseInt(text.substring(at, at + 3));
        }
        return null;
    }

    /**
     * What the server itself answered, for a person to read: the text from its first failure reply
     * code that a report quotes after a colon, a quote, a bracket or a transcript's arrow ("Remote
     * server replied: 550 ...", "said: 550 ...", "returned '554 ...'", "<-- 552 ..."), without the
     * report's words before it and the quote's closing mark after it. A code standing in a sentence
     * ("a limit of 500 recipients") is no reply. The whole text, its type ("smtp;") stripped, when
     * no reply is quoted so; null for null.
     */
    public static String quotedReply(String text) {
        if (text == null) return null;
        String t = stripType(text).strip();
        for (int at = replyCodeAt(t, 0); at >= 0; at = replyCodeAt(t, at + 3)) {
            if (t.charAt(at) < '4') continue;
            if (at == 0) return t;
            int before = at - 1;
            while (before >= 0 && t.charAt(before) == ' ') before--;
            char mark = before < 0 ? ':' : t.charAt(before);
            boolean arrow = mark == '-' && before > 0 && t.charAt(before - 1) == '-';
            if (QUOTING_MARKS.indexOf(mark) < 0 && !arrow) continue;
            return untilClosed(t.substring(at).strip(), mark);
        }
        return t;
    }

    /** What comes before a quoted reply: colons (also the full-width one Chinese reports use), quotes, brackets, "<<<". */
    private static final String QUOTING_MARKS = ":\uFF1A'\"([\uFF08<";

    /** The reply up to the bracket or quote that closes {@code open}; a closing quote only at the very end (a reply may say "doesn't"). */
    private static String untilClosed(String reply, char open) {
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '\uFF08' -> '\uFF09';
            case '\'', '"' -> open;
            default -> 0;
        };
        if (close == 0) return reply;
        if (open == close) {
            return reply.length() > 1 && reply.charAt(reply.length() - 1) == close ? reply.substring(0, reply.length() - 1).strip() : reply;
        }
        int depth = 0;
        for (int i = 0; i < reply.length(); i++) {
            char c = reply.charAt(i);
            if (c == open) depth++;
            else if (c == close && depth-- == 0) return reply.substring(0, i).strip();
        }
        return reply;
    }

    /** The first failure enhanced status (4.x.x or 5.x.x) in the text, or null. One pass. */
    public static String firstFailureStatus(String text) {
        if (text == null) return null;
        for (int from = 0; ; ) {
            int[] span = statusAt(text, from);
            if (span == null) return null;
            if (text.charAt(span[0]) != '2') return text.substring(span[0], span[1]);
            from = span[1];
        }
    }

    /** The first enhanced status code ({@code 5.1.1}, {@code 4.7.28}) in the text, else null. */
    public static String firstStatus(String text) {
        if (text == null) return null;
        int[] span = statusAt(text, 0);
        return span == null ? null : text.substring(span[0], span[1]);
    }

    /** Start and end of the first enhanced status code at or after {@code from}, or null. */
    private static int[] statusAt(String text, int from) {
        int n = text.length();
        for (int i = from; i + 5 <= n; i++) {
            char c = text.charAt(i);
            if ((c == '2' || c == '4' || c == '5') && text.charAt(i + 1) == '.'
                    && (i == 0 || !isWordChar(text.charAt(i - 1)) && text.charAt(i - 1) != '.')) {
                int j = i + 2;
                int d1 = digits(text, j, 3);
                if (d1 == 0 || j + d1 >= n || text.charAt(j + d1) != '.') continue;
                int k = j + d1 + 1;
                int d2 = digits(text, k, 3);
                if (d2 == 0) continue;
                int end = k + d2;
                if (end < n && (isWordChar(text.charAt(end)) || text.charAt(end) == '.' && end + 1 < n && Character.isDigit(text.charAt(end + 1)))) continue;
                return new int[] {i, end};
            }
        }
        return null;
    }

    /** Whether a Diagnostic-Code is of type {@code x-unix}: a local delivery program's words. */
    public static boolean isLocalMailerType(String value) {
        String v = value.stripLeading();
        return v.regionMatches(true, 0, "x-unix", 0, 6) && v.length() > 6
                && v.substring(6).stripLeading().startsWith(";");
    }

    /** Drops a leading {@code smtp;} / {@code x-unix;} / {@code dns;} type of a report field. */
    public static String stripType(String value) {
        if (value == null) return null;
        String v = value.trim();
        int semi = v.indexOf(';');
        if (semi > 0 && semi <= 16) {
            boolean word = true;
            for (int i = 0; i < semi; i++) {
                char c = v.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                    word = false;
                    break;
                }
            }
            if (word) return v.substring(semi + 1).trim();
        }
        return v;
    }

    /** The SMTP command a reply answered, when the text says it ("in reply to RCPT TO"). */
    public static String command(String text) {
        if (text == null) return null;
        long found = COMMAND_PHRASES.present(text);
        if (found == 0) return null;
        // a text naming several commands gets the first of them in this order
        for (int i = 0; i < COMMANDS.length; i++) {
            if ((found & COMMAND_MASKS[i]) != 0) return COMMANDS[i][0];
        }
        return null;
    }

    /** Per command, in order of preference: its name, then the phrases that name it. */
    private static final String[][] COMMANDS = {
            {"DATA", "END OF DATA", "DATA COMMAND", "AFTER DATA"},
            {"RCPT", "RCPT TO"},
            {"MAIL", "MAIL FROM"},
            {"BDAT", "AFTER BDAT", "BDAT COMMAND"},
            {"STARTTLS", "STARTTLS"},
            {"HELO", "HELO", "EHLO"},
            {"CONN", "CONNECT"},
    };
    private static final AsciiPhraseSet COMMAND_PHRASES;
    /** Per command: the bits of its phrases in {@link #COMMAND_PHRASES}. */
    private static final long[] COMMAND_MASKS = new long[COMMANDS.length];

    static {
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < COMMANDS.length; i++) {
            for (int j = 1; j < COMMANDS[i].length; j++) {
                COMMAND_MASKS[i] |= 1L << phrases.size();
                phrases.add(COMMANDS[i][j]);
            }
        }
        COMMAND_PHRASES = new AsciiPhraseSet(phrases);
    }

    /**
     * The remote host a sentence of the kind Postfix writes names with its address in brackets:
     * {@code host mx.example.com[192.0.2.1] said: ...}, {@code ... refused to talk to me},
     * {@code connect to mx.example.com[192.0.2.1]:25: ...}, {@code lost connection with ...},
     * {@code conversation with ... timed out}, {@code message size ... exceeds size limit ... of
     * server mx.example.com[192.0.2.1]}. Other MTAs quote these sentences in their
     * Diagnostic-Codes too. Null when the text holds none; the first one when it holds several.
     */
    public static String bracketedHost(String text) {
        if (text == null) return null;
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String lead : HOST_LEADS) {
            int from = 0;
            while (from < bestAt) {
                int at = text.indexOf(lead, from);
                if (at < 0 || at >= bestAt) break;
                from = at + 1;
                if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) continue;
                // "Client host x[ip] rejected": the sending host a server refused, not the server
                if (at >= 7 && text.regionMatches(true, at - 7, "client ", 0, 7)) continue;
                String host = hostBeforeBracket(text, at + lead.length());
                if (host != null) {
                    best = host;
                    bestAt = at;
                }
            }
        }
        return best;
    }

    private static final String[] HOST_LEADS = {"host ", "connect to ", "lost connection with ", "conversation with ",
            "of server "};

    /** The host name running from {@code from} up to a '[' (an address literal), or null. */
    private static String hostBeforeBracket(String text, int from) {
        int end = from;
        // a host name is at most 253 characters; the cap keeps the scan linear over the leads
        while (end < text.length() && end - from <= 253 && isHostChar(text.charAt(end))) end++;
        if (end == from || end >= text.length() || text.charAt(end) != '[') return null;
        String host = text.substring(from, end);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        return host.indexOf('.') > 0 ? host : null;
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_';
    }

    private static boolean isCodeAt(String t, int i) {
        char c = t.charAt(i);
        return c >= '2' && c <= '5' && Character.isDigit(t.charAt(i + 1)) && Character.isDigit(t.charAt(i + 2));
    }

    private static int digits(String t, int from, int max) {
        int n = 0;
        while (from + n < t.length() && n < max && Character.isDigit(t.charAt(from + n))) n++;
        if (from + n < t.length() && Character.isDigit(t.charAt(from + n))) return 0;
        return n;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
