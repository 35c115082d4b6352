package io.bouncelens.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suppression list sent as CSV to be added by hand: the file {@code ?format=csv} exports
 * ({@code address,reason,source,since,note}, header line first), or a plain list of addresses, one
 * per line. The address is the first field and the note the fifth; a line that holds no address
 * is rejected with its number, and the rest is read.
 */
final class SuppressionImport {

    /** Rejected lines listed in an answer; the count says how many there were in all. */
    static final int MAX_LISTED_REJECTIONS = 100;

    /** A line that could not be read. */
    record Rejected(int line, String error) {
    }

    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private int rejectedCount;

    private SuppressionImport() {
    }

    /**
     * Reads the CSV text; a blank line is skipped, the header line (starting "address") too, and a
     * leading byte order mark (Excel's "CSV UTF-8" starts with one).
     */
    static SuppressionImport read(String csv) {
        SuppressionImport in = new SuppressionImport();
        int number = 0;
        for (int start = csv.startsWith("\uFEFF") ? 1 : 0; start < csv.length(); ) {
            int end = start;
            while (end < csv.length() && csv.charAt(end) != '\n' && csv.charAt(end) != '\r') end++;
            String line = csv.substring(start, end);
            number++;
            if (!line.isBlank() && !(number == 1 && line.regionMatches(true, 0, "address", 0, 7))) in.line(number, line);
            start = end + (end + 1 < csv.length() && csv.charAt(end) == '\r' && csv.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return in;
    }

    private void line(int number, String line) {
        List<String> fields = fields(line);
        if (fields == null) {
            reject(number, "a quoted field is not closed");
            return;
        }
        String address;
        try {
            address = SuppressionRoutes.checked(fields.get(0));
        } catch (ApiException e) {
            reject(number, e.getMessage());
            return;
        }
        String note = fields.size() > 4 && !fields.get(4).isBlank() ? fields.get(4) : "imported";
        if (note.length() > 1000) note = note.substring(0, 1000);
        notes.putIfAbsent(address, note);
    }

    private void reject(int number, String error) {
        rejectedCount++;
        if (rejected.size() < MAX_LISTED_REJECTIONS) rejected.add(new Rejected(number, error));
    }

    /** RFC 4180 fields of one line; null when a quoted field does not close on it. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) return null;
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                while (i < line.length() && line.charAt(i) != ',') i++; // anything after the closing quote
            } else {
                while (i < line.length() && line.charAt(i) != ',') field.append(line.charAt(i++));
            }
            out.add(field.toString().strip());
            if (i >= line.length()) return out;
            i++; // the comma
        }
    }

    /** Address -> note, each address once, in the file's order. */
    Map<String, String> notes() {
        return notes;
    }

    List<Rejected> rejected() {
        return rejected;
    }

    int rejectedCount() {
        return rejectedCount;
    }
}
