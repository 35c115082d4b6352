package io.bouncelens.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code status:} condition of an entry: any of a list of codes, where the class may be
 * written {@code X} (any class) and the detail may be a range ({@code 5.7.600-5.7.649}).
 */
record StatusCondition(List<Range> ranges) {

    /** One code or range; {@code statusClass} 0 means any class. */
    record Range(int statusClass, int subject, int detailFrom, int detailTo) {
        boolean contains(EnhancedStatus s) {
            return (statusClass == 0 || statusClass == s.statusClass()) && subject == s.subject()
                    && s.detail() >= detailFrom && s.detail() <= detailTo;
        }

        boolean isExact() {
            return statusClass != 0 && detailFrom == detailTo;
        }
    }

    boolean matches(EnhancedStatus s) {
        if (s == null) return false;
        for (Range r : ranges) if (r.contains(s)) return true;
        return false;
    }

    /** True when every listed code has detail 0 ({@code 5.7.0}, {@code X.0.0}): a generic reading. */
    boolean onlyGenericCodes() {
        for (Range r : ranges) if (r.detailFrom != 0 || r.detailTo != 0) return false;
        return true;
    }

    /** Parses {@code 5.1.1 X.2.2 5.7.600-5.7.649}; throws with a readable message on a bad token. */
    static StatusCondition parse(String value) {
        List<Range> ranges = new ArrayList<>();
        for (String token : KbStanza.words(value)) {
            int dash = token.indexOf('-');
            String from = dash < 0 ? token : token.substring(0, dash);
            String to = dash < 0 ? token : token.substring(dash + 1);
            int[] a = code(from, token);
            int[] b = code(to, token);
            if (a[0] != b[0] || a[1] != b[1] || a[2] > b[2]) {
                throw new IllegalArgumentException("bad status range '" + token + "'");
            }
            ranges.add(new Range(a[0], a[1], a[2], b[2]));
        }
        if (ranges.isEmpty()) throw new IllegalArgumentException("empty status list");
        return new StatusCondition(List.copyOf(ranges));
    }

    private static int[] code(String s, String token) {
        String[] parts = KbStanza.parts(s, ".").toArray(new String[0]);
        if (parts.length != 3) throw new IllegalArgumentException("bad status code '" + token + "'");
        try {
            int cls = parts[0].equalsIgnoreCase("x") ? 0 : Integer.parseInt(parts[0]);
            if (cls != 0 && cls != 2 && cls != 4 && cls != 5) throw new NumberFormatException();
            return new int[] {cls, Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad status code '" + token + "'");
        }
    }
}
