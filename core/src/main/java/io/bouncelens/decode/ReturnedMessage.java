package io.bouncelens.decode;

import java.util.Locale;

/**
 * Plain-text bounces paste the original message after a marker line ("------ This is a copy of
 * the message, including all the headers. ------"). This finds that line so scanners read only
 * the report above it, and reads the pasted header block below it.
 */
public final class ReturnedMessage {

    /**
     * Literals (lower case) of marker lines that introduce the returned original. Each contains one
     * of the {@link #ANCHORS}, which lets most lines be passed over without a lower-cased copy.
     */
    private static final String[] MARKERS = {
            "this is a copy of the message", "below this line is a copy of the message",
            "original message follows", "original message below", "original message headers",
            "returned message follows", "unsent message below", "header of the original message",
            "headers of the original message", "message header follows", "--- original message",
            "----- original message", "original-message",
            "your message reads (in part)", "content of the original message", "undelivered message attached",
            "the text you sent follows", "original message header", "returned mail follows",
            "message text follows", "start of returned message", "copy of your message"};

    /** Every marker contains one of these (ReturnedMessageTest checks it). */
    static final String[] ANCHORS = {"mess", "orig", "follows"};

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
        if (!hasAnchor(text, from, to)) return false;
        String line = text.substring(from, to).toLowerCase(Locale.ROOT);
        for (String m : MARKERS) if (line.contains(m)) return true;
        return false;
    }

    /**
     * True when the line may contain a marker: it has an anchor in ASCII letters of any case. Only
     * ASCII letters lower-case to the anchors' letters, so no line that lower-cases to a marker
     * is passed over.
     */
    private static boolean hasAnchor(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c != 'm' && c != 'o' && c != 'f') continue;
            for (String anchor : ANCHORS) if (anchor.charAt(0) == c && asciiAt(text, i, to, anchor)) return true;
        }
        return false;
    }

    /** {@code anchor} (lower-case ASCII letters) at {@code at}, in any case. */
    private static boolean asciiAt(String text, int at, int to, String anchor) {
        if (at + anchor.length() > to) return false;
        for (int k = 1; k < anchor.length(); k++) {
            if ((text.charAt(at + k) | 0x20) != anchor.charAt(k)) return false;
        }
        return true;
    }

    /** The markers, for tests. */
    static String[] markers() {
        return MARKERS.clone();
    }
}
