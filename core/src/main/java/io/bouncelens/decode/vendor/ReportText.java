package io.bouncelens.decode.vendor;

import io.bouncelens.decode.ByteScan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
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
 *
 * <p>The decoder's texts are nearly always ASCII with LF line ends. Such a text upper-cased whole
 * already is its lines joined by LF, and a line's text is cut from it only when a format asks
 * for that line: most formats look at a few lines around their markers.
 */
final class ReportText {

    /** Longest report text looked at: reports are short; anything beyond is a returned original. */
    static final int MAX_CHARS = 256 * 1024;

    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUESTION_MARKS = ONES * '?';

    /** The text lines are cut from on first use; null when every line was cut at once. */
    private final String source;
    /** Each line once cut (for an ASCII LF text, on first use). */
    private final String[] lines;
    /** Every line upper-cased and followed by LF. */
    private final String upper;
    /** Where each line starts in {@link #upper} (and in {@link #source}). */
    private final int[] starts;
    /** {@link #upper}'s bytes, for {@link #findAny}; made on first use (one report, one thread). */
    private byte[] upperBytes;

    private ReportText(String source, String[] lines, String upper, int[] starts) {
        this.source = source;
        this.lines = lines;
        this.upper = upper;
        this.starts = starts;
    }

    static ReportText of(String text) {
        String t = text == null ? "" : text;
        if (t.length() > MAX_CHARS) t = t.substring(0, MAX_CHARS);
        // A CRLF text (a base64 part decodes to what the sender wrote: Exchange and Office 365
        // reports, a sixth of the corpus's report text) has the same lines with LF ends, and
        // then takes the quick way below instead of being cut and upper-cased line by line.
        if (t.indexOf('\r') >= 0) t = t.replace("\r\n", "\n").replace('\r', '\n');
        byte[] ascii = asciiUpperBytes(t);
        if (ascii != null) {
            int[] starts = lineStarts(ascii);
            ReportText report = new ReportText(t, new String[starts.length], new String(ascii, StandardCharsets.ISO_8859_1), starts);
            report.upperBytes = ascii; // kept for findAny, which would otherwise make them again
            return report;
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                out.add(t.substring(start, i));
                start = i + 1;
            }
        }
        if (start < n) out.add(t.substring(start));
        StringBuilder upper = new StringBuilder(n + 1);
        int[] starts = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            starts[i] = upper.length();
            upper.append(upperCase(out.get(i))).append('\n');
        }
        return new ReportText(null, out.toArray(new String[0]), upper.toString(), starts);
    }

    /**
     * Where each line of an LF-only ASCII text starts, found in its bytes (eight per step); a
     * final LF starts no line.
     */
    private static int[] lineStarts(byte[] t) {
        int[] starts = new int[16];
        int count = 0;
        int at = 0;
        while (at < t.length) {
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = at;
            at = ByteScan.lf(t, at, t.length) + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The text upper-cased when it is all ASCII, else null. It works on the text's bytes, eight
     * at a time: the launcher's C1 compiler makes a call of every {@link String#charAt}, and most
     * words hold no lower-case letter to change. A character beyond Latin-1 comes out of
     * {@code getBytes} as {@code '?'}, so each {@code '?'} is checked against the text.
     */
    static String asciiUpperCase(String text) {
        byte[] b = asciiUpperBytes(text);
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    /** {@link #asciiUpperCase}'s result as Latin-1 bytes. */
    private static byte[] asciiUpperBytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            long word = (long) EIGHT_BYTES.get(b, i);
            if ((word & HIGH_BITS) != 0 || hasByte(word, QUESTION_MARKS) && !questionMarksAreReal(text, i, i + 8)) return null;
            // each byte is below 0x80, so no sum carries into the next byte: a high bit in
            // atLeastA says the byte is 'a' or more, in aboveZ that it is above 'z'
            long atLeastA = word + ONES * (0x80 - 'a');
            long aboveZ = word + ONES * (0x80 - 'z' - 1);
            long lower = atLeastA & ~aboveZ & HIGH_BITS;
            if (lower != 0) EIGHT_BYTES.set(b, i, word - (lower >>> 2)); // 0x80 >>> 2 = 'a' - 'A'
        }
        for (; i < b.length; i++) {
            byte c = b[i];
            if (c >= 'a' && c <= 'z') b[i] = (byte) (c - ('a' - 'A'));
            else if (c < 0 || c == '?' && text.charAt(i) != '?') return null;
        }
        return b;
    }

    /** True when some byte of {@code word} equals the byte {@code repeated} is made of. */
    private static boolean hasByte(long word, long repeated) {
        long x = word ^ repeated;
        return ((x - ONES) & ~x & HIGH_BITS) != 0;
    }

    private static boolean questionMarksAreReal(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) > 0x7F) return false;
        }
        return true;
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
        return starts.length;
    }

    String line(int i) {
        String line = lines[i];
        if (line == null) {
            // an ASCII LF text: the line runs to its LF, the last one to the end or a final LF
            int end = i + 1 < starts.length ? starts[i + 1] - 1 : source.length();
            if (i + 1 == starts.length && source.endsWith("\n")) end--;
            line = source.substring(starts[i], end);
            lines[i] = line;
        }
        return line;
    }

    List<String> lines() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return line(index);
            }

            @Override
            public int size() {
                return starts.length;
            }
        };
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

    /**
     * First line at or after {@code from} containing any of the literals; -1 when none. One pass
     * over the upper-cased bytes for all of them: a format's list of start or end markers (six
     * or seven, most of them absent) cost as many full searches of the text before.
     */
    int findAny(int from, String... literals) {
        int first = Math.max(0, from);
        if (first >= starts.length) return -1;
        if (literals.length == 1) return find(literals[0], first);
        byte[][] needles = new byte[literals.length][];
        long low = 0, high = 0; // the needles' first bytes, as bits: 0-63 and 64-127
        for (int k = 0; k < literals.length; k++) {
            String needle = literals[k].toUpperCase(Locale.ROOT);
            if (!plainAscii(needle)) return findEach(first, literals);
            needles[k] = needle.getBytes(StandardCharsets.ISO_8859_1);
            int c = needles[k][0];
            if (c < 64) low |= 1L << c;
            else high |= 1L << (c - 64);
        }
        byte[] text = upperBytes();
        for (int i = starts[first]; i < text.length; i++) {
            int c = text[i];
            // beyond ASCII (negative) or a character no needle starts with
            if (c < 0 || ((c < 64 ? low >>> c : high >>> (c - 64)) & 1) == 0) continue;
            for (byte[] needle : needles) {
                if (needle[0] == c && regionEquals(text, i, needle)) return lineAt(i);
            }
        }
        return -1;
    }

    /** {@link #findAny} one literal at a time, for literals beyond ASCII. */
    private int findEach(int from, String... literals) {
        int best = -1;
        for (String literal : literals) {
            int at = find(literal, from);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        return best;
    }

    /** Non-empty ASCII without line ends or '?' (which {@link #upperBytes} also makes of wider characters). */
    private static boolean plainAscii(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || c == '\n' || c == '\r' || c == '?') return false;
        }
        return true;
    }

    private static boolean regionEquals(byte[] text, int at, byte[] needle) {
        if (at + needle.length > text.length) return false;
        for (int j = 1; j < needle.length; j++) if (text[at + j] != needle[j]) return false;
        return true;
    }

    /** {@link #upper} as Latin-1 bytes (a character beyond it as '?'), made on first use. */
    private byte[] upperBytes() {
        byte[] b = upperBytes;
        if (b == null) upperBytes = b = upper.getBytes(StandardCharsets.ISO_8859_1);
        return b;
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
        for (int i = Math.max(0, from); i < Math.min(to, starts.length); i++) {
            String t = line(i).strip();
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
        return line(i).isBlank();
    }
}
