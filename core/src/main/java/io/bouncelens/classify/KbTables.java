package io.bouncelens.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookup tables the classifier runs on, derived from the entries and providers: one literal
 * automaton over all {@code match:} and {@code detect:} literals and, per literal, the entries
 * and providers that use it. Built from the entries at compile time, or read back from the image
 * written at build time ({@link KnowledgeBaseImage}).
 *
 * @param automaton             every literal, folded
 * @param literals              literal id -> the literal
 * @param entriesByLiteral      literal id -> entries that use it
 * @param providersByLiteral    literal id -> providers it detects
 * @param alternatives          entry index -> alternatives -> literal ids
 * @param patternNeeds          entry index -> groups of literal ids its pattern needs, one of each
 *                              group (see {@link RequiredLiterals})
 * @param patternStarts         entry index -> strings one of which every match of its pattern
 *                              starts with (see {@link RequiredLiterals#starts})
 * @param codeOnly              entries without literals (status / reply conditions only), in order
 * @param codeOnlyWithoutStatus of those, the ones without a status condition: all that can hold
 *                              when no status is known
 * @param codeOnlyByStatus      of those, per status class and subject ({@link #statusKey}), the
 *                              ones that can hold
 */
record KbTables(LiteralAutomaton automaton, String[] literals, int[][] entriesByLiteral, int[][] providersByLiteral,
                int[][][] alternatives, int[][][] patternNeeds, String[][] patternStarts, int[] codeOnly,
                int[] codeOnlyWithoutStatus, int[][] codeOnlyByStatus) {

    /** Status classes 0-5 times subjects 0-7. */
    static final int STATUS_KEYS = 6 * 8;

    static int statusKey(int statusClass, int subject) {
        return statusClass * 8 + subject;
    }

    static KbTables of(List<KbEntry> entries, List<KbProvider> providers) {
        Map<String, Integer> literalIds = new LinkedHashMap<>();
        List<List<Integer>> users = new ArrayList<>();
        List<List<Integer>> detectors = new ArrayList<>();
        int[][][] alternatives = new int[entries.size()][][];
        List<Integer> codeOnlyList = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            KbEntry entry = entries.get(e);
            if (!entry.hasLiterals()) codeOnlyList.add(e);
            alternatives[e] = new int[entry.match().size()][];
            for (int a = 0; a < entry.match().size(); a++) {
                List<String> all = entry.match().get(a);
                alternatives[e][a] = new int[all.size()];
                for (int l = 0; l < all.size(); l++) {
                    int id = literalId(literalIds, users, detectors, all.get(l));
                    alternatives[e][a][l] = id;
                    List<Integer> u = users.get(id);
                    if (u.isEmpty() || u.get(u.size() - 1) != e) u.add(e);
                }
            }
        }
        for (int p = 0; p < providers.size(); p++) {
            for (String d : providers.get(p).detect()) {
                detectors.get(literalId(literalIds, users, detectors, d)).add(p);
            }
        }
        int[][][] patternNeeds = new int[entries.size()][][];
        String[][] patternStarts = new String[entries.size()][];
        for (int e = 0; e < entries.size(); e++) {
            com.google.re2j.Pattern pattern = entries.get(e).pattern();
            patternStarts[e] = pattern == null ? new String[0] : RequiredLiterals.starts(pattern.pattern()).toArray(new String[0]);
            List<List<String>> groups = pattern == null ? List.of() : RequiredLiterals.of(pattern.pattern());
            patternNeeds[e] = new int[groups.size()][];
            for (int g = 0; g < groups.size(); g++) {
                patternNeeds[e][g] = groups.get(g).stream()
                        .mapToInt(l -> literalId(literalIds, users, detectors, l)).toArray();
            }
        }
        String[] literals = literalIds.keySet().toArray(new String[0]);
        int[] codeOnly = codeOnlyList.stream().mapToInt(Integer::intValue).toArray();
        int[] codeOnlyWithoutStatus = codeOnlyList.stream().filter(e -> entries.get(e).status() == null)
                .mapToInt(Integer::intValue).toArray();
        int[][] codeOnlyByStatus = new int[STATUS_KEYS][];
        for (int statusClass = 0; statusClass < 6; statusClass++) {
            for (int subject = 0; subject < 8; subject++) {
                int cls = statusClass, subj = subject;
                codeOnlyByStatus[statusKey(cls, subj)] = codeOnlyList.stream()
                        .filter(e -> entries.get(e).status() == null || mayHold(entries.get(e).status(), cls, subj))
                        .mapToInt(Integer::intValue).toArray();
            }
        }
        return new KbTables(LiteralAutomaton.folding(List.of(literals)), literals, toArrays(users), toArrays(detectors),
                alternatives, patternNeeds, patternStarts, codeOnly, codeOnlyWithoutStatus, codeOnlyByStatus);
    }

    private static boolean mayHold(StatusCondition condition, int statusClass, int subject) {
        for (StatusCondition.Range r : condition.ranges()) {
            if ((r.statusClass() == 0 || r.statusClass() == statusClass) && r.subject() == subject) return true;
        }
        return false;
    }

    private static int literalId(Map<String, Integer> ids, List<List<Integer>> users, List<List<Integer>> detectors, String lit) {
        Integer id = ids.get(lit);
        if (id != null) return id;
        ids.put(lit, ids.size());
        users.add(new ArrayList<>());
        detectors.add(new ArrayList<>());
        return ids.size() - 1;
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }
}
