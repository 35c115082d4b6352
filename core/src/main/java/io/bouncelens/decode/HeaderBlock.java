package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code Name: value} lines with continuation lines, as in a header block, a
 * delivery-status group or an ARF report. A hand scanner: lines come from outside.
 */
public final class HeaderBlock {

    private HeaderBlock() {
    }

    /** The fields up to the first blank line (or the end), at most {@code maxFields}. */
    public static Headers parse(String text, int maxFields) {
        List<Headers> groups = groups(text, maxFields, 1, true);
        return groups.isEmpty() ? Headers.EMPTY : groups.get(0);
    }

    /**
     * Groups of fields separated by blank lines, at most {@code maxGroups} groups of at most
     * {@code maxFields} fields each. Lines that are neither a field nor a continuation are ignored.
     */
    public static List<Headers> groups(String text, int maxFields, int maxGroups) {
        return groups(text, maxFields, maxGroups, false);
    }

    // Lines are read as index ranges of the text: a string is made only of a field's name and
    // value, not of every line and every trimmed piece of it (the returned original's header
    // block and the delivery-status groups of every report come through here).
    private static List<Headers> groups(String text, int maxFields, int maxGroups, boolean decodeWords) {
        List<Headers> out = new ArrayList<>();
        List<Header> current = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int pos = 0;
        int len = text.length();
        while (pos <= len && out.size() < maxGroups) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = len;
            int end = eol;
            if (end > pos && text.charAt(end - 1) == '\r') end--;
            int line = pos; // the line is text[line, end)
            pos = eol + 1;
            if (isBlank(text, line, end)) {
                if (name != null) {
                    add(current, name, value, decodeWords, maxFields);
                    name = null;
                }
                if (!current.isEmpty()) {
                    out.add(new Headers(current));
                    current = new ArrayList<>();
                    if (decodeWords) break;
                }
                if (eol >= len) break;
                continue;
            }
            char c0 = text.charAt(line);
            if ((c0 == ' ' || c0 == '\t') && name != null) {
                appendTrimmed(value.append(' '), text, line, end);
            } else {
                int colon = fieldNameEnd(text, line, end);
                if (colon > line) {
                    if (name != null) add(current, name, value, decodeWords, maxFields);
                    name = text.substring(line, colon); // a field name holds no blanks to trim
                    value.setLength(0);
                    appendTrimmed(value, text, colon + 1, end);
                } else if (name != null && !decodeWords) {
                    // a broken report wraps a long field without indenting: keep it with its field
                    appendTrimmed(value.append(' '), text, line, end);
                }
            }
            if (eol >= len) break;
        }
        if (name != null) add(current, name, value, decodeWords, maxFields);
        if (!current.isEmpty() && out.size() < maxGroups) out.add(new Headers(current));
        return out;
    }

    /** {@link String#isBlank} of {@code text[from, to)}. */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    /** Appends {@code text[from, end)} as {@link String#trim} would leave it. */
    private static void appendTrimmed(StringBuilder to, String text, int from, int end) {
        while (from < end && text.charAt(from) <= ' ') from++;
        while (end > from && text.charAt(end - 1) <= ' ') end--;
        to.append(text, from, end);
    }

    private static void add(List<Header> fields, String name, StringBuilder value, boolean decodeWords, int max) {
        if (fields.size() >= max) return;
        String v = value.toString().trim();
        fields.add(new Header(name, decodeWords ? EncodedWords.decode(v) : v));
    }

    /**
     * Index of the colon ending a field name at the start of the line {@code text[from, to)}, or
     * -1 when the line does not start with one (names of at most 80 printable characters).
     */
    static int fieldNameEnd(String text, int from, int to) {
        int max = Math.min(to, from + 80);
        for (int i = from; i < max; i++) {
            char c = text.charAt(i);
            if (c == ':') return i;
            if (c <= ' ' || c > '~') return -1;
        }
        return -1;
    }
}
