package io.bouncelens.decode;

import java.util.Locale;

/**
 * Plain-text bounces paste the original message after a marker line ("------ This is a copy of
 * the message, including all the headers. ------"). This finds that line so scanners read only
 * the report above it, and reads the pasted header block below it.
 */
public final class ReturnedMessage {

    /** Literals (lower case) of marker lines that introduce the returned original. */
    private static final String[] MARKERS = {
            "this is a copy of the message", "below this line is a copy of the message",
            "original message follows", "original message below", "original message headers",
            "returned message follows", "unsent message below", "header of the original message",
            "headers of the original message", "message header follows", "--- original message",
            "----- original message", "original-message",
            "your message reads (in part)", "content of the original message", "undelivered message attached",
            "the text you sent follows", "original message header", "returned mail follows",
            "message text follows", "start of returned message", "copy of your message"};

    private ReturnedMessage() {
    }

    /** Offset of the start of the first marker line in {@code text}, or {@code text.length()}. */
    public static int start(String text) {
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = n;
            if (eol - pos < 200 && isMarker(text, pos, eol)) return pos;
            pos = eol + 1;
        }
        return n;
    }

    /** The report's own text: everything above the returned original. */
    public static String reportPart(String text) {
        return text.substring(0, start(text));
    }

    /** Header fields pasted below the marker (the first header block after it), or empty. */
    public static Headers pastedHeaders(String text, int maxFields) {
        int s = start(text);
        if (s >= text.length()) return Headers.EMPTY;
        int eol = text.indexOf('\n', s);
        if (eol < 0) return Headers.EMPTY;
        int from = eol + 1;
        // skip blank lines and indentation some MTAs add before the pasted headers
        while (from < text.length() && (text.charAt(from) == '\n' || text.charAt(from) == ' ')) from++;
        int end = Math.min(text.length(), from + 64 * 1024);
        return HeaderBlock.parse(text.substring(from, end), maxFields);
    }

    private static boolean isMarker(String text, int from, int to) {
        String line = text.substring(from, to).toLowerCase(Locale.ROOT);
        for (String m : MARKERS) if (line.contains(m)) return true;
        return false;
    }
}
