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
            String line = text.substring(pos, end);
            pos = eol + 1;
            if (line.isBlank()) {
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
            char c0 = line.charAt(0);
            if ((c0 == ' ' || c0 == '\t') && name != null) {
                value.append(' ').append(line.trim());
            } else {
                int colon = fieldNameEnd(line);
                if (colon > 0) {
                    if (name != null) add(current, name, value, decodeWords, maxFields);
                    name = line.substring(0, colon).trim();
                    value.setLength(0);
                    value.append(line.substring(colon + 1).trim());
                } else if (name != null && !decodeWords) {
                    // a broken report wraps a long field without indenting: keep it with its field
                    value.append(' ').append(line.trim());
                }
            }
            if (eol >= len) break;
        }
        if (name != null) add(current, name, value, decodeWords, maxFields);
        if (!current.isEmpty() && out.size() < maxGroups) out.add(new Headers(current));
        return out;
    }

    private static void add(List<Header> fields, String name, StringBuilder value, boolean decodeWords, int max) {
        if (fields.size() >= max) return;
        String v = value.toString().trim();
        fields.add(new Header(name, decodeWords ? EncodedWords.decode(v) : v));
    }

    /** Index of the colon ending a field name, or -1 when the line does not start with one. */
    private static int fieldNameEnd(String line) {
        int max = Math.min(line.length(), 80);
        for (int i = 0; i < max; i++) {
            char c = line.charAt(i);
            if (c == ':') return i;
            if (c <= ' ' || c > '~') return -1;
        }
        return -1;
    }
}
