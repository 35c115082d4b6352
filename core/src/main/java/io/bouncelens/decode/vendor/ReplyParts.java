package io.bouncelens.decode.vendor;

import io.bouncelens.decode.AsciiPhraseSet;

import java.util.Arrays;

/**
 * The codes a remote server's answer carries inside free text: the SMTP reply code (550) and the
 * enhanced status (5.1.1). Found by hand-written scanning, linear in the text.
 *
 * @param replyCode the first reply code that stands as a word, or null
 * @param status    the first enhanced status code, or null
 */
record ReplyParts(Integer replyCode, String status) {

    static ReplyParts of(String text) {
        if (text == null || text.isEmpty()) return new ReplyParts(null, null);
        return new ReplyParts(replyCode(text), status(text));
    }

    /**
     * The first three-digit 2xx-5xx number standing alone: preceded by the start, a space, {@code [},
     * {@code (}, {@code :} or a quote, followed by the end, a space or a hyphen (multi-line replies).
     */
    static Integer replyCode(String text) {
        int i = replyCodeIndex(text);
        if (i < 0) return null;
        return (text.charAt(i) - '0') * 100 + (text.charAt(i + 1) - '0') * 10 + (text.charAt(i + 2) - '0');
    }

    /** Where {@link #replyCode(String)} found its code; -1 when none. */
    static int replyCodeIndex(String text) {
        int n = text.length();
        for (int i = 0; i + 3 <= n; i++) {
            char c = text.charAt(i);
            if (c < '2' || c > '5') continue;
            if (!isDigit(text.charAt(i + 1)) || !isDigit(text.charAt(i + 2))) continue;
            if (i > 0 && " \t[(:\"'".indexOf(text.charAt(i - 1)) < 0) continue;
            if (i + 3 < n && " \t-]),;:".indexOf(text.charAt(i + 3)) < 0) continue;
            // "550-5.7.1" and "550 5.7.1" are replies; "2010 " or "192.0.2.1" are not (guarded above).
            return i;
        }
        return -1;
    }

    /** Where the remote server's own words start: at its reply code, else its status code; -1 when neither. */
    static int replyStart(String text) {
        int code = replyCodeIndex(text);
        if (code >= 0) return code;
        int status = statusIndex(text);
        // "(#5.1.2)" or "[#4.1.9]" closes a sentence (qmail's habit); it does not start the answer.
        if (status > 0 && "#([".indexOf(text.charAt(status - 1)) >= 0) return -1;
        return status;
    }

    /** The first {@code class.subject.detail} code with class 2, 4 or 5 not embedded in a longer dotted number. */
    static String status(String text) {
        int i = statusIndex(text);
        if (i < 0) return null;
        int end = i + 2 + digits(text, i + 2);
        return text.substring(i, end + 1 + digits(text, end + 1));
    }

    /** Where {@link #status(String)} found its code; -1 when none. */
    static int statusIndex(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '2' && c != '4' && c != '5') continue;
            if (i > 0 && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) continue;
            if (i + 1 >= n || text.charAt(i + 1) != '.') continue;
            int j = i + 2;
            int subject = digits(text, j);
            if (subject < 1 || subject > 3) continue;
            j += subject;
            if (j >= n || text.charAt(j) != '.') continue;
            int detail = digits(text, j + 1);
            if (detail < 1 || detail > 3) continue;
            int end = j + 1 + detail;
            if (end < n && (isDigit(text.charAt(end)) || (text.charAt(end) == '.' && end + 1 < n && isDigit(text.charAt(end + 1))))) {
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * The SMTP command a report says the remote server answered, in the names RFC 3464 readers use
     * (RCPT, MAIL, DATA, HELO, CONN, STARTTLS, AUTH); null when the text names none. When several are
     * named, the one mentioned first wins: reports name the failing step before anything else.
     */
    static String command(String text) {
        if (text == null) return null;
        int k = COMMAND_PHRASES.first(text);
        return k < 0 ? null : COMMAND_OF_PHRASE[k];
    }

    private static final String[][] COMMANDS_BY_PHRASE = {
            {"RCPT TO", "RCPT"}, {"RCPT COMMAND", "RCPT"}, {"RCPT_TO", "RCPT"}, {"RCPT:", "RCPT"},
            {"DOES NOT LIKE RECIPIENT", "RCPT"}, {"TO RCPT", "RCPT"},
            {"MAIL FROM", "MAIL"}, {"MAIL COMMAND", "MAIL"}, {"SENDER WAS REJECTED", "MAIL"},
            {"DOES NOT LIKE SENDER", "MAIL"},
            {"END OF DATA", "DATA"}, {"DATA COMMAND", "DATA"}, {"FINAL DATA", "DATA"}, {"OUR DATA", "DATA"},
            {"AFTER I SENT THE MESSAGE", "DATA"}, {"TEXT COMMAND", "DATA"}, {"AFTER DATA", "DATA"},
            {"END OF MESSAGE", "DATA"},
            {"HELO", "HELO"}, {"EHLO", "EHLO"}, {"MY NAME WAS REJECTED", "HELO"},
            {"INITIAL CONNECTION", "CONN"}, {"SMTP GREETING", "CONN"}, {"CONNECTION REFUSED", "CONN"},
            {"STARTTLS", "STARTTLS"}, {"AUTH COMMAND", "AUTH"},
    };
    private static final AsciiPhraseSet COMMAND_PHRASES =
            new AsciiPhraseSet(Arrays.stream(COMMANDS_BY_PHRASE).map(p -> p[0]).toList());
    private static final String[] COMMAND_OF_PHRASE =
            Arrays.stream(COMMANDS_BY_PHRASE).map(p -> p[1]).toArray(String[]::new);

    private static int digits(String text, int from) {
        int j = from;
        // Never more than four: a longer run is not a status part, and the cap keeps the scan linear.
        while (j < text.length() && j - from < 4 && isDigit(text.charAt(j))) j++;
        return j - from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
