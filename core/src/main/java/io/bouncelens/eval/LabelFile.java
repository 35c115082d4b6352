package io.bouncelens.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a labels TSV: a header line naming the columns (any order; {@code file}, {@code recipient}
 * and {@code reason} required), then one row per labeled recipient. Tabs are split by hand.
 */
public final class LabelFile {

    private LabelFile() {
    }

    /** The labels; rows that lack a required column are skipped and counted in {@code skipped}. */
    public static List<Label> read(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String header = headerLine(r);
        if (header == null) throw new IOException("empty labels file");
        List<String> names = fields(header);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < names.size(); i++) col.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        for (String required : new String[]{"file", "recipient", "reason"}) {
            if (!col.containsKey(required)) throw new IOException("labels file has no '" + required + "' column");
        }
        List<Label> out = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> f = fields(line);
            String file = get(f, col, "file");
            if (file.isEmpty()) continue;
            int index = 1;
            try {
                index = Integer.parseInt(get(f, col, "index").trim());
            } catch (NumberFormatException ignored) {
                // no index: the first record of the file
            }
            String hard = get(f, col, "hardbounce").trim();
            Boolean hardBounce = hard.equals("1") || hard.equalsIgnoreCase("true") ? Boolean.TRUE
                    : hard.equals("0") || hard.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            out.add(new Label(file.trim(), index, get(f, col, "recipient").trim(),
                    get(f, col, "reason").trim().toLowerCase(Locale.ROOT), get(f, col, "status").trim(), hardBounce));
        }
        return out;
    }

    /** The first line without the byte order mark a spreadsheet saving "UTF-8" puts before it; null when empty. */
    static String headerLine(BufferedReader r) throws IOException {
        String header = r.readLine();
        return header != null && header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    /** The {@code file} column of a TSV with a header line (a negatives list: messages that are no bounce). */
    public static List<String> readPaths(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String header = headerLine(r);
        if (header == null) return List.of();
        List<String> names = fields(header);
        int col = -1;
        for (int i = 0; i < names.size() && col < 0; i++) if (names.get(i).trim().equalsIgnoreCase("file")) col = i;
        if (col < 0) throw new IOException("negatives file has no 'file' column");
        List<String> out = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            List<String> f = fields(line);
            if (col < f.size() && !f.get(col).isBlank()) out.add(f.get(col).trim());
        }
        return out;
    }

    private static String get(List<String> fields, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }

    /** The tab-separated fields of one line (no quoting: the labels' format has none). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            int tab = line.indexOf('\t', pos);
            if (tab < 0) {
                out.add(line.substring(pos));
                return out;
            }
            out.add(line.substring(pos, tab));
            pos = tab + 1;
        }
    }
}
