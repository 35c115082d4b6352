package io.bouncelens.eval;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a cases TSV ({@code id}, {@code probe}, {@code reasons} as {@code a|b}, {@code bounce} as
 * {@code hard}, {@code soft} or {@code either}, and optionally {@code fix_en}, a pattern), with a
 * header line naming the columns in any order: the format of the shared seed cases. A row without
 * a probe or reasons is an error naming its line, as is a pattern RE2/J cannot read.
 */
public final class ReplyCaseFile {

    private ReplyCaseFile() {
    }

    public static List<ReplyCase> read(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String header = LabelFile.headerLine(r);
        if (header == null) throw new IOException("empty cases file");
        Map<String, Integer> col = new HashMap<>();
        List<String> names = LabelFile.fields(header);
        for (int i = 0; i < names.size(); i++) col.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        for (String required : new String[]{"probe", "reasons"}) {
            if (!col.containsKey(required)) throw new IOException("cases file has no '" + required + "' column");
        }
        List<ReplyCase> out = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = r.readLine()) != null) {
            number++;
            if (line.isBlank()) continue;
            List<String> f = LabelFile.fields(line);
            String probe = get(f, col, "probe");
            String reasons = get(f, col, "reasons");
            if (probe.isEmpty() || reasons.isEmpty()) throw new IOException("line " + number + ": no probe or no reasons");
            List<String> accepted = new ArrayList<>();
            for (int start = 0; start <= reasons.length(); ) {
                int bar = reasons.indexOf('|', start);
                int end = bar < 0 ? reasons.length() : bar;
                String reason = reasons.substring(start, end).strip().toLowerCase(Locale.ROOT);
                if (!reason.isEmpty()) accepted.add(reason);
                start = end + 1;
            }
            String fix = get(f, col, "fix_en");
            Pattern advice;
            try {
                advice = fix.isEmpty() ? null : Pattern.compile(fix, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new IOException("line " + number + ": fix_en is no pattern RE2/J reads: " + e.getDescription());
            }
            String id = get(f, col, "id");
            out.add(new ReplyCase(id.isEmpty() ? "line " + number : id, probe, accepted,
                    ReplyCase.bounce(get(f, col, "bounce")), advice));
        }
        return out;
    }

    private static String get(List<String> fields, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= fields.size() ? "" : fields.get(i).strip();
    }
}
