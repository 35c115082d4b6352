package io.bouncelens.decode.vendor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The human-readable text of a report as lines, with the literal, case-insensitive searches the
 * vendor formats need. Line ends may be LF, CRLF or CR alone. The lines are upper-cased once, into
 * one string with an LF after each line, so a search is one {@link String#indexOf} from the line
 * it starts at (a literal never holds a line end, so a hit never spans two lines), and the line a
 * hit is on is found by a binary search of the lines' starts.
 */
final class ReportText {

    /** Longest report text looked at: reports are short; anything beyond is a returned original. */
    static final int MAX_CHARS = 256 * 1024;

    private final List<String> lines;
    /** Every line upper-cased and followed by LF. */
    private final String upper;
    /** Where each line starts in {@link #upper}. */
    private final int[] starts;

    private ReportText(List<String> lines, String upper, int[] starts) {
        this.lines = lines;
        this.upper = upper;
        this.starts = starts;
    }

    static ReportText of(String text) {
        String t = text == null ? "" : text;
        if (t.length() > MAX_CHARS) t = t.substring(0, MAX_CHARS);
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = t.length();
        if (t.indexOf('\r') < 0) {
            // the decoder's texts end their lines in LF alone: find each with indexOf
            for (int eol = t.indexOf('\n'); eol >= 0; eol = t.indexOf('\n', start)) {
                out.add(t.substring(start, eol));
                start = eol + 1;
            }
            if (start < n) out.add(t.substring(start));
            // an ASCII text upper-cased as a whole already is the lines joined by LF
            String upper = asciiUpperCase(t);
            if (upper != null) return new ReportText(out, upper, startsOf(out));
        } else {
            for (int i = 0; i < n; i++) {
                char c = t.charAt(i);
                if (c == '\n' || c == '\r') {
                    out.add(t.substring(start, i));
                    if (c == '\r' && i + 1 < n && t.charAt(i + 1) == '\n') i++;
                    start = i + 1;
                }
            }
            if (start < n) out.add(t.substring(start));
        }
        StringBuilder upper = new StringBuilder(n + 1);
        int[] starts = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            starts[i] = upper.length();
            upper.append(upperCase(out.get(i))).append('\n');
        }
        return new ReportText(out, upper.toString(), starts);
    }

    private static int[] startsOf(List<String> lines) {
        int[] starts = new int[lines.size()];
        int at = 0;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = at;
            at += lines.get(i).length() + 1;
        }
        return starts;
    }

    /**
     * The text upper-cased when it is all ASCII, else null. It works on the text's bytes: the
     * launcher's C1 compiler makes a call of every {@link String#charAt}. A character beyond
     * Latin-1 comes out of {@code getBytes} as {@code '?'}, so each {@code '?'} is checked.
     */
    static String asciiUpperCase(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c >= 'a' && c <= 'z') b[i] = (byte) (c - ('a' - 'A'));
            else if (c < 0 || c == '?' && text.charAt(i) != '?') return null;
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code line.toUpperCase(Locale.ROOT)}, in one simple loop for an ASCII line (nearly all of a
     * report): the JDK's general case tables cost more than the rest of reading most reports.
     */
    static String upperCase(String line) {
        int n = line.length();
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) return line.toUpperCase(Locale.ROOT);
            ascii[i] = (byte) (c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
        }
        return new String(ascii, StandardCharsets.ISO_8859_1);
    }

    int size() {
        return lines.size();
    }

    String line(int i) {
        return lines.get(i);
    }

    List<String> lines() {
        return lines;
    }

    /** First line at or after {@code from} containing {@code literal} (any case); -1 when none. */
    int find(String literal, int from) {
        int first = Math.max(0, from);
        if (first >= starts.length || literal.indexOf('\n') >= 0 || literal.indexOf('\r') >= 0) return -1;
        int at = upper.indexOf(literal.toUpperCase(Locale.ROOT), starts[first]);
        return at < 0 ? -1 : lineAt(at);
    }

    /** The line holding {@code upper}'s character at {@code at}. */
    private int lineAt(int at) {
        int i = Arrays.binarySearch(starts, at);
        return i >= 0 ? i : -i - 2;
    }

    int find(String literal) {
        return find(literal, 0);
    }

    /** First line at or after {@code from} containing any of the literals; -1 when none. */
    int findAny(int from, String... literals) {
        int best = -1;
        for (String literal : literals) {
            int at = find(literal, from);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        return best;
    }

    /** First line at or after {@code from} whose trimmed text starts with {@code literal} (any case). */
    int findStart(String literal, int from) {
        String needle = literal.toUpperCase(Locale.ROOT);
        for (int i = Math.max(0, from); i < starts.length; i++) {
            int k = starts[i];
            while (k < upper.length() && upper.charAt(k) != '\n' && Character.isWhitespace(upper.charAt(k))) k++;
            if (upper.startsWith(needle, k)) return i;
        }
        return -1;
    }

    boolean contains(String literal) {
        return find(literal) >= 0;
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive) trimmed, blank ones dropped, joined by one space. */
    String join(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(t);
        }
        return sb.toString();
    }

    /**
     * Where {@code needle} (ASCII, any case) first occurs in {@code haystack} at or after
     * {@code from}; -1 when absent. Indices are those of {@code haystack} itself: lower-casing the
     * whole text would shift them for characters whose case forms differ in length.
     */
    static int indexOfIgnoreCase(String haystack, String needle, int from) {
        int n = needle.length();
        if (n == 0) return Math.max(0, from);
        char first = Character.toLowerCase(needle.charAt(0));
        for (int i = Math.max(0, from); i + n <= haystack.length(); i++) {
            if (Character.toLowerCase(haystack.charAt(i)) == first && haystack.regionMatches(true, i, needle, 0, n)) return i;
        }
        return -1;
    }

    static int indexOfIgnoreCase(String haystack, String needle) {
        return indexOfIgnoreCase(haystack, needle, 0);
    }

    boolean isBlank(int i) {
        return lines.get(i).isBlank();
    }
}
