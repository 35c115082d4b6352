package io.bouncelens.decode.log;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a CSV log (RFC 4180 quoting), as PowerMTA's accounting files and Exchange's message
 * tracking logs write them. A record never spans lines in these logs, so a line is read alone.
 */
final class CsvLine {

    /** More columns than any of these logs has; a longer line is split this far and no further. */
    static final int MAX_FIELDS = 256;

    private CsvLine() {
    }

    /** A line's fields: separated by commas, quoted with double quotes (doubled inside) where needed. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length() && out.size() < MAX_FIELDS; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (out.size() < MAX_FIELDS) out.add(field.toString());
        return out;
    }

    /** The field at {@code index}; null when the line has no such field, the header named no such column (-1), or it is empty. */
    static String at(List<String> fields, int index) {
        if (index < 0 || index >= fields.size()) return null;
        String v = fields.get(index);
        return v.isEmpty() ? null : v;
    }
}
