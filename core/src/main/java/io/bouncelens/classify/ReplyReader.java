package io.bouncelens.classify;

/**
 * Reads the parts of a reply text that carry structure: a relay's wrapper
 * ({@code the mta server of HOST(IP) reply: ...}), a diagnostic-type prefix ({@code smtp;}), a
 * {@code host X said:} prefix, the reply code ({@code 550-5.7.1}, {@code 552 5.2.2}) and the
 * enhanced status, also in qmail's {@code (#5.5.0)} and {@code #5.1.1} styles. Hand-written scanning,
 * linear in the text.
 */
final class ReplyReader {

    private static final AsciiPhrase WRAPPER = new AsciiPhrase("the mta server of ");
    private static final AsciiPhrase WRAPPER_REPLY = new AsciiPhrase("reply:");
    private static final AsciiPhrase SAID = new AsciiPhrase("said:");
    private static final AsciiPhrase IN_REPLY_TO = new AsciiPhrase("in reply to ");
    /**
     * JavaMail's SendFailedException messages, which applications log in front of the server's
     * reply ("Invalid Addresses; nested exception is: ...SMTPAddressFailedException: 550 ...").
     * They name the exception, not the refusal: a "mailbox full" behind them is no unknown user.
     */
    private static final String[] JAVAMAIL_WRAPPERS = {"Invalid Addresses", "Valid Unsent Addresses"};

    private ReplyReader() {
    }

    static ReadReply read(String raw) {
        String text = spaced(raw.strip());
        String host = null;

        // A relay that passes the far side's answer on: classify the inner reply, keep the host.
        // Its "reply:" is looked for first: a ':' is rare, the wrapper's first letters are not.
        int w = WRAPPER_REPLY.in(text, 0) < 0 ? -1 : WRAPPER.in(text, 0);
        if (w >= 0) {
            int r = WRAPPER_REPLY.in(text, w + WRAPPER.length());
            if (r >= 0) {
                host = hostToken(text, w + WRAPPER.length());
                text = text.substring(r + WRAPPER_REPLY.length()).strip();
            }
        }
        text = afterJavaMailWrapper(text);
        // The DSN diagnostic type ("smtp;", "X-Unix;") stays in the text, where it is evidence
        // (x-unix names a local mailer), but codes are read after it.
        int codeFrom = afterDiagnosticType(text);

        // "host mx.example.net[192.0.2.1] said: 550 ..." (Postfix) or "... said: 550 ...": the code
        // is read from what the far side said; the whole text stays for matching.
        int said = SAID.in(text, codeFrom);
        if (said >= 0) {
            codeFrom = said + 5;
            if (host == null) {
                int h = lastIndexOfIgnoreCase(text, "host ", said);
                if (h >= 0) host = hostToken(text, h + 5);
            }
        }
        String command = command(text);
        int start = skipNoise(text, codeFrom);
        Integer reply = replyCodeAt(text, start);
        EnhancedStatus status = null;
        if (reply != null) {
            status = EnhancedStatus.at(text, skipNoise(text, start + 4));
        }
        if (reply == null) {
            // A code later in the text, e.g. "5.1.0 - Unknown address error 550-'5.2.2 ...".
            int[] found = codeWithStatus(text, codeFrom);
            if (found != null) {
                reply = found[0];
                status = EnhancedStatus.at(text, found[1]);
            }
        }
        if (status == null) status = firstStatus(text, codeFrom);
        if (status == null && said >= 0) status = firstStatus(text, 0);
        return new ReadReply(text, reply, status, host, command);
    }

    /**
     * qmail-send logs a reply with every space written as {@code _} and every line break as
     * {@code /} ({@code Remote_host_said:_550_No_such_user/Giving_up_on_192.0.2.1./}); pasted from
     * a log, such a text reads as one word. A text with no blank in it, at least two underscores and
     * a lower-case letter is read with blanks for them; any text with a blank is left as it came, and
     * so is a platform's upper-case code ({@code PREVIOUSLY_UNSUBSCRIBED_PORTAL}).
     */
    static String spaced(String text) {
        int underscores = 0;
        boolean lower = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return text;
            if (c == '_') underscores++;
            else if (c >= 'a' && c <= 'z') lower = true;
        }
        if (underscores < 2 || !lower) return text;
        return text.replace('_', ' ').replace("/", " / ").strip();
    }

    /** The text from the first reply code after a JavaMail wrapper's message; the text itself without one. */
    static String afterJavaMailWrapper(String text) {
        for (String wrapper : JAVAMAIL_WRAPPERS) {
            int w = text.indexOf(wrapper); // case-sensitive: JavaMail's own spelling
            if (w < 0) continue;
            for (int i = w + wrapper.length(), n = text.length() - 3; i <= n; i++) {
                char c = text.charAt(i);
                if (c >= '2' && c <= '5' && replyCodeAt(text, i) != null) return text.substring(i);
            }
        }
        return text;
    }

    /** Where the text starts after a leading "smtp;" / "X-Postfix;" (the DSN diagnostic type), else 0. */
    private static int afterDiagnosticType(String text) {
        int n = Math.min(text.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ';') return i == 0 ? 0 : i + 1;
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) return 0;
        }
        return 0;
    }

    private static int skipNoise(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-' || c == '#' || c == '('
                    || c == '\'' || c == '"' || c == ':' || c == '<' || c == '[') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** A three-digit reply code at {@code i} standing on its own ({@code 550 }, {@code 550-}, {@code 550}). */
    static Integer replyCodeAt(CharSequence text, int i) {
        int n = text.length();
        if (i + 3 > n) return null;
        char a = text.charAt(i); // scanners call this at every position: the first test rejects most
        if (a < '2' || a > '5') return null;
        char b = text.charAt(i + 1), c = text.charAt(i + 2);
        if (!isDigit(b) || !isDigit(c)) return null;
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) return null;
        if (i + 3 < n) {
            char after = text.charAt(i + 3);
            if (!(after == ' ' || after == '-' || after == '\t' || after == ':' || after == ','
                    || after == '\r' || after == '\n')) {
                return null;
            }
        }
        return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    }

    /** The first "NNN S.S.S" / "NNN-S.S.S" pair from {@code from}, failures before successes: {code, status position}. */
    private static int[] codeWithStatus(String text, int from) {
        int[] success = null;
        for (int i = from, n = text.length() - 4; i < n; i++) {
            Integer code = replyCodeAt(text, i);
            if (code == null) continue;
            int s = skipNoise(text, i + 4);
            if (s - (i + 4) <= 2 && EnhancedStatus.at(text, s) != null) {
                if (code >= 400) return new int[] {code, s};
                if (success == null) success = new int[] {code, s};
            }
        }
        return success;
    }

    /**
     * The first failure status (class 4 or 5) from {@code from}; a success status (2.x.x) only when
     * there is no failure, since transcripts quote the accepted steps before the refused one.
     */
    private static EnhancedStatus firstStatus(String text, int from) {
        EnhancedStatus success = null;
        // A code has a '.' right after its class digit: the JDK's vectorised indexOf visits the
        // dots, fewer than the characters, in the same order as the positions before them.
        for (int dot = text.indexOf('.', Math.max(0, from) + 1); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int i = dot - 1;
            char c = text.charAt(i);
            if (c == '2' || c == '4' || c == '5') {
                EnhancedStatus s = EnhancedStatus.at(text, i);
                if (s == null) continue;
                if (s.statusClass() != 2) return s;
                if (success == null) success = s;
            }
        }
        return success;
    }

    /** The command an "(in reply to RCPT TO command)" note names. */
    private static String command(String text) {
        int i = IN_REPLY_TO.in(text, 0);
        if (i < 0) return null;
        int end = Math.min(text.length(), i + 40);
        String tail = text.substring(i + 12, end).toUpperCase(java.util.Locale.ROOT);
        if (tail.startsWith("RCPT")) return "RCPT";
        if (tail.startsWith("MAIL")) return "MAIL";
        if (tail.startsWith("END OF DATA") || tail.startsWith("DATA")) return "DATA";
        if (tail.startsWith("EHLO")) return "EHLO";
        if (tail.startsWith("HELO")) return "HELO";
        if (tail.startsWith("STARTTLS")) return "STARTTLS";
        return null;
    }

    /** The host name at {@code i}, up to '(', '[', white space or ':'. */
    private static String hostToken(String text, int i) {
        int n = text.length();
        while (i < n && text.charAt(i) == ' ') i++;
        int start = i;
        while (i < n && i - start < 255) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == ' ' || c == ':' || c == '\t') break;
            i++;
        }
        String host = text.substring(start, i);
        return host.indexOf('.') > 0 ? host : null;
    }

    private static int lastIndexOfIgnoreCase(String text, String needle, int before) {
        for (int i = Math.min(before, text.length()) - needle.length(); i >= 0; i--) {
            if (mayStart(text.charAt(i), needle) && text.regionMatches(true, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }

    /** Whether {@code c} can equal the needle's first character ignoring case (non-ASCII: let regionMatches say). */
    private static boolean mayStart(char c, String needle) {
        char first = needle.charAt(0);
        return c == first || c == (char) (first - ('a' - 'A')) || c >= 0x80;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
