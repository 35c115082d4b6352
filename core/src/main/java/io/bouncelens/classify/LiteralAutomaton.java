package io.bouncelens.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over already folded text: one left-to-right pass finds every literal of
 * the knowledge base, in time linear in the text (plus the number of hits, which the literal set
 * bounds per position). Immutable once built, so one instance serves all threads. Public because
 * the decoder's vendor-format recognition compiles its signature literals into one as well.
 */
public final class LiteralAutomaton {

    /** Receives the id of each literal found. */
    public interface Hits {
        void found(int literalId);
    }

    private final char[][] keys;   // per state: sorted transition characters
    private final int[][] targets; // per state: the state each key leads to
    private final int[] fail;
    private final int[][] outputs; // per state: literal ids ending here, suffix links included
    private final int literalCount;
    // The scan is back at the start state after most characters of a reply, so the start state's
    // ASCII transitions are a direct table instead of a binary search (-1: no transition).
    private final int[] startAscii = new int[128];

    private LiteralAutomaton(char[][] keys, int[][] targets, int[] fail, int[][] outputs, int literalCount) {
        this.keys = keys;
        this.targets = targets;
        this.fail = fail;
        this.outputs = outputs;
        this.literalCount = literalCount;
        for (char c = 0; c < startAscii.length; c++) startAscii[c] = step(keys, targets, 0, c);
    }

    public int literalCount() {
        return literalCount;
    }

    /** Builds the automaton; literal ids are the positions in {@code literals} (already folded, non-empty). */
    public static LiteralAutomaton of(List<String> literals) {
        List<StringBuilder> keyList = new ArrayList<>();
        List<List<Integer>> targetList = new ArrayList<>();
        List<List<Integer>> outList = new ArrayList<>();
        keyList.add(new StringBuilder());
        targetList.add(new ArrayList<>());
        outList.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String lit = literals.get(id);
            int state = 0;
            for (int i = 0; i < lit.length(); i++) {
                char c = lit.charAt(i);
                int idx = keyList.get(state).indexOf(String.valueOf(c));
                if (idx >= 0) {
                    state = targetList.get(state).get(idx);
                } else {
                    int created = keyList.size();
                    keyList.add(new StringBuilder());
                    targetList.add(new ArrayList<>());
                    outList.add(new ArrayList<>());
                    keyList.get(state).append(c);
                    targetList.get(state).add(created);
                    state = created;
                }
            }
            outList.get(state).add(id);
        }
        int n = keyList.size();
        char[][] keys = new char[n][];
        int[][] targets = new int[n][];
        for (int s = 0; s < n; s++) {
            char[] k = keyList.get(s).toString().toCharArray();
            Integer[] order = new Integer[k.length];
            for (int i = 0; i < k.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Character.compare(k[a], k[b]));
            keys[s] = new char[k.length];
            targets[s] = new int[k.length];
            for (int i = 0; i < k.length; i++) {
                keys[s][i] = k[order[i]];
                targets[s][i] = targetList.get(s).get(order[i]);
            }
        }
        // Breadth-first: failure links, and each state's outputs extended by its failure state's.
        int[] fail = new int[n];
        int[][] outputs = new int[n][];
        outputs[0] = toArray(outList.get(0));
        int[] queue = new int[n];
        int head = 0, tail = 0;
        for (int t : targets[0]) {
            fail[t] = 0;
            queue[tail++] = t;
        }
        while (head < tail) {
            int s = queue[head++];
            List<Integer> out = new ArrayList<>(outList.get(s));
            for (int o : outputs[fail[s]]) out.add(o);
            outputs[s] = toArray(out);
            for (int i = 0; i < keys[s].length; i++) {
                char c = keys[s][i];
                int t = targets[s][i];
                int f = fail[s];
                int next;
                while (true) {
                    next = step(keys, targets, f, c);
                    if (next >= 0 || f == 0) break;
                    f = fail[f];
                }
                fail[t] = next >= 0 && next != t ? next : 0;
                queue[tail++] = t;
            }
        }
        return new LiteralAutomaton(keys, targets, fail, outputs, literals.size());
    }

    /** Reports every literal occurring in {@code folded}; a literal may be reported more than once. */
    public void scan(String folded, Hits hits) {
        int state = 0;
        for (int i = 0, n = folded.length(); i < n; i++) {
            char c = folded.charAt(i);
            int next;
            while ((next = next(state, c)) < 0 && state != 0) state = fail[state];
            state = next < 0 ? 0 : next;
            for (int o : outputs[state]) hits.found(o);
        }
    }

    private int next(int state, char c) {
        return state == 0 && c < startAscii.length ? startAscii[c] : step(keys, targets, state, c);
    }

    private static int step(char[][] keys, int[][] targets, int state, char c) {
        int i = Arrays.binarySearch(keys[state], c);
        return i >= 0 ? targets[state][i] : -1;
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) a[i] = list.get(i);
        return a;
    }
}
