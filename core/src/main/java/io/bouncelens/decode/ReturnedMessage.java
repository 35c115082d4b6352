package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.List;

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
            "returned message follows", "unsent message below", "unsent message follows", "header of the original message",
            "headers of the original message", "message header follows", "--- original message",
            "----- original message", "original-message",
            "your message reads (in part)", "content of the original message", "undelivered message attached",
            "the text you sent follows", "original message header", "returned mail follows",
            "message text follows", "start of returned message", "copy of your message"};

    /** Every marker contains one of these (ReturnedMessageTest checks it). */
    static final String[] ANCHORS = {"mess", "orig", "follows"};

    /** A marker and where in it an anchor stands. */
    private record Placement(String marker, int anchorAt) {
    }

    /**
     * Per anchor (same index as {@link #ANCHORS}), every place it stands in a marker: an anchor
     * found at {@code i} in a line can only belong to a marker starting at {@code i - anchorAt}.
     */
    private static final Placement[][] PLACEMENTS = placements();

    private static Placement[][] placements() {
        Placement[][] all = new Placement[ANCHORS.length][];
        for (int a = 0; a < ANCHORS.length; a++) {
            List<Placement> found = new ArrayList<>();
            for (String m : MARKERS) {
                for (int at = m.indexOf(ANCHORS[a]); at >= 0; at = m.indexOf(ANCHORS[a], at + 1)) found.add(new Placement(m, at));
            }
            all[a] = found.toArray(new Placement[0]);
        }
        return all;
    }

    private ReturnedMessage() {
    }

    /**
     * The text last searched on this thread and what was found: one message's text is asked for
     * its marker several times (its inline delivery-status fields, its pasted headers, its report
     * part), and the search reads every line. Compared by identity, so only the same string hits.
     * Only texts up to {@link #REMEMBERED_CHARS} are kept, so that no thread of a server's pool
     * holds on to a huge one after its request.
     */
    private static final ThreadLocal<LastSearch> LAST = ThreadLocal.withInitial(LastSearch::new);
    private static final int REMEMBERED_CHARS = 256 * 1024;

    private static final class LastSearch {
        String text;
        int start;
    }

    /** Offset of the start of the first marker line in {@code text}, or {@code text.length()}. */
    public static int start(String text) {
        if (text.length() > REMEMBERED_CHARS) return search(text);
        LastSearch last = LAST.get();
        if (last.text != text) {
            last.start = search(text);
            last.text = text;
        }
        return last.start;
    }

    private static int search(String text) {
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

    /**
     * Where the report's own words end for telling its format: after the line that introduces the
     * returned original (some formats are known by that line), or the text's end.
     */
    public static int ownTextEnd(String text) {
        int marker = start(text);
        if (marker >= text.length()) return text.length();
        int eol = text.indexOf('\n', marker);
        return eol < 0 ? text.length() : eol + 1;
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

    /**
     * True when the line holds a marker, in ASCII letters of any case. Every marker contains an
     * anchor, so the line is read for anchors (one character compared in most places) and only the
     * markers an anchor may belong to are compared, where each would stand.
     */
    private static boolean isMarker(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = text.charAt(i) | 0x20;
            if (c != 'm' && c != 'o' && c != 'f') continue;
            for (int a = 0; a < ANCHORS.length; a++) {
                if (ANCHORS[a].charAt(0) != c || !asciiAt(text, i, to, ANCHORS[a])) continue;
                for (Placement p : PLACEMENTS[a]) {
                    int start = i - p.anchorAt();
                    if (start >= from && start + p.marker().length() <= to
                            && text.regionMatches(true, start, p.marker(), 0, p.marker().length())
                            && !negated(text, from, start)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the words before a marker, in its sentence, deny it: "The following addresses did
     * NOT receive a copy of your message:" announces a list of addresses, not the copy ("Do not
     * reply. The original message follows" still announces it).
     */
    private static boolean negated(String text, int from, int markerStart) {
        int sentence = from;
        for (int i = markerStart - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == ';' || c == ':') {
                sentence = i + 1;
                break;
            }
        }
        for (int i = sentence; i + 3 <= markerStart; i++) {
            if ((text.charAt(i) | 0x20) == 'n' && (text.charAt(i + 1) | 0x20) == 'o' && (text.charAt(i + 2) | 0x20) == 't'
                    && (i == sentence || !Character.isLetter(text.charAt(i - 1)))
                    && (i + 3 == markerStart || !Character.isLetter(text.charAt(i + 3)))) {
                return true;
            }
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
