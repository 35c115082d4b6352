package io.bouncelens.classify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton: one left-to-right pass over a text finds every literal, in time linear in
 * the text (plus the number of hits, which the literal set bounds per position). Two kinds:
 * {@link #of} matches the text exactly as written (the decoder's vendor signatures);
 * {@link #folding} matches folded literals (the knowledge base's) against a reply as written,
 * folding as it reads, exactly as {@link FoldedText} does (case, typographic quotes, runs of white
 * space), so no folded copy of the reply is made. Immutable once built, so one instance serves
 * all threads; public because the decoder uses one too.
 *
 * <p>Layout, for speed. Every state has a complete row of next states for the ASCII characters
 * the literals use, failure links already followed: one array read per character. (Rows for the
 * shallow states only, to keep the table in the processor's cache, measured slower: replies
 * follow the literals' words deep into the tree. So did rows for the 900 branching states
 * alone, with one {@code int} (the child and its character) for each of the 15,000 states inside
 * a literal: 180 KB of tables instead of 2.2 MB, but the classifier was 25% slower, paying for a
 * branch per character that the processor cannot predict.) Characters beyond ASCII take the
 * classic path: the state's own transitions, else its failure link. Transitions and outputs are
 * flat arrays indexed by state, not an object per state. The scan is bound by the latency of its
 * table reads, each depending on the one before, so: the table holds state numbers as
 * {@code char}s, which halves it (2.2 MB for the bundled knowledge base's 17,500 states) and
 * measured 15% faster; states are numbered depth-first, so that a literal's rows follow each
 * other in memory (5% faster than breadth-first); rows are padded to a power of two (56 columns
 * to 64), so the next row is found by a shift instead of a multiplication, and a bit set of
 * the states where literals end (4 KB, in the fastest cache) says when to read the hit list, so
 * most characters skip it (together 7% faster on the classifier benchmark, when the bit was an
 * entry's top bit). A {@code char} names at most {@link #MAX_TABLE_STATES} states: beyond them
 * the table has rows for the first ones only, and a transition into a state it cannot name is
 * marked {@link #FAR} and takes the classic path alone. (Until stop 34 a larger automaton had no
 * table at all, and the classifier ran at half its speed; until stop 35 the hit bit took an
 * entry's top bit, and the table named only 32,767 states, which the knowledge base's ASCII
 * literals alone were about to pass.)
 */
public final class LiteralAutomaton {

    /** Receives the id of each literal found. */
    public interface Hits {
        void found(int literalId);
    }

    /**
     * A table entry for a transition to a state the table cannot name (numbered {@code FAR} or
     * above): that one transition takes the classic path. Rows cover the states below it.
     */
    private static final int FAR = 0xFFFF;
    private static final int MAX_TABLE_STATES = FAR;

    /** ASCII character (after folding) -> its column in {@link #next}; 0 for those no literal uses. */
    private final int[] column;
    /** ASCII character as written -> the column of its folded form, or {@link #SPACE}: folding by table. */
    private final int[] foldedColumn;
    private static final int SPACE = -1;
    private final int columns;
    /** log2 of a row's length: rows are padded to a power of two, so a row starts at state << rowShift. */
    private final int rowShift;
    /** States below this number have a complete row in {@link #next}. */
    private final int dense;
    /** (state << rowShift) + column -> next state, for the states below {@link #dense}. */
    private final char[] next;
    /** Bit per state: set when any literal ends there (its hit list is not empty). */
    private final long[] hitStates;
    /** Per state, its transitions: keys[edges[s] .. edges[s + 1]) sorted, leading to targets[same]. */
    private final int[] edges;
    private final char[] keys;
    private final int[] targets;
    private final int[] fail;
    /** Per state, the literal ids ending there, suffix links included: found[ends[s] .. ends[s + 1]). */
    private final int[] ends;
    private final int[] found;
    private final int literalCount;
    /** Whether the scan folds the text as it reads (see {@link #folding}). */
    private final boolean folds;
    /**
     * The characters beyond ASCII that some literal uses, one bit each. Any other (most of a
     * Japanese or Chinese text) leads back to the start at once, without searching the
     * transitions of the state and of each state on its failure path.
     */
    private final long[] wideInUse;

    private LiteralAutomaton(Trie trie, int literalCount, boolean folds, int rowStates, int tableStates) {
        this.literalCount = literalCount;
        this.folds = folds;
        column = new int[128];
        foldedColumn = new int[128];
        wideInUse = new long[(Character.MAX_VALUE + 1) / 64];
        // Numbered depth-first: following a literal's characters goes from a state to the next
        // number, so the scan reads rows that lie one after the other (which the processor fetches
        // ahead) instead of one per level of the tree, far apart.
        int[] order = trie.depthFirst();   // number -> trie state
        int n = order.length;
        int[] number = new int[n];         // trie state -> number
        for (int i = 0; i < n; i++) number[order[i]] = i;

        edges = new int[n + 1];
        keys = new char[n - 1];            // every state but the start is the target of one edge
        targets = new int[n - 1];
        int cols = 1;
        for (int s = 0, e = 0; s < n; s++) {
            edges[s] = e;
            for (int child : trie.sortedChildren(order[s])) {
                char k = trie.edgeInto(child);
                keys[e] = k;
                targets[e++] = number[child];
                if (k < 128 && column[k] == 0) column[k] = cols++;
                if (k >= 128) wideInUse[k >>> 6] |= 1L << k;
            }
        }
        edges[n] = n - 1;
        columns = cols;
        rowShift = 32 - Integer.numberOfLeadingZeros(columns - 1);
        char[] columnChar = new char[columns];
        for (char c = 0; c < 128; c++) if (column[c] != 0) columnChar[column[c]] = c;
        for (char c = 0; c < 128; c++) foldedColumn[c] = FoldedText.isSpace(c) ? SPACE : column[FoldedText.foldChar(c)];
        dense = Math.min(n, Math.min(rowStates, tableStates));
        next = new char[dense << rowShift];

        // Breadth-first, a state's failure state (always shallower) is complete before it: its
        // failure link, its outputs (its own and its failure state's) and, for a state with a row,
        // the row (the failure state's row, overridden by its own transitions).
        fail = new int[n];
        int[][] outputs = new int[n][];
        int[] none = new int[0];
        for (int trieState : trie.breadthFirst()) {
            int s = number[trieState];
            if (s > 0 && s < dense) {
                if (fail[s] < dense) {
                    System.arraycopy(next, fail[s] << rowShift, next, s << rowShift, columns);
                } else {
                    for (int col = 1; col < columns; col++) {
                        int t = transition(fail[s], columnChar[col]);
                        next[(s << rowShift) + col] = cell(t, tableStates);
                    }
                }
            }
            for (int e = edges[s]; e < edges[s + 1]; e++) {
                int t = targets[e];
                fail[t] = s == 0 ? 0 : transition(fail[s], keys[e]);
                if (s < dense && keys[e] < 128) next[(s << rowShift) + column[keys[e]]] = cell(t, tableStates);
            }
            int[] own = trie.outputs(trieState);
            int[] inherited = s == 0 ? none : outputs[fail[s]];
            if (own.length + inherited.length == 0) {
                outputs[s] = none;
                continue;
            }
            outputs[s] = Arrays.copyOf(own, own.length + inherited.length);
            System.arraycopy(inherited, 0, outputs[s], own.length, inherited.length);
        }
        ends = new int[n + 1];
        for (int s = 0; s < n; s++) ends[s + 1] = ends[s] + outputs[s].length;
        found = new int[ends[n]];
        for (int s = 0; s < n; s++) System.arraycopy(outputs[s], 0, found, ends[s], outputs[s].length);
        hitStates = hitStates(ends);
    }

    /** The bit set of the states whose hit list is not empty. */
    private static long[] hitStates(int[] ends) {
        int n = ends.length - 1;
        long[] bits = new long[(n + 63) >>> 6];
        for (int s = 0; s < n; s++) if (ends[s + 1] > ends[s]) bits[s >>> 6] |= 1L << s;
        return bits;
    }

    /** The table's entry for a transition to {@code t}: its number, or {@link #FAR}. */
    private static char cell(int t, int tableStates) {
        return (char) (t >= tableStates ? FAR : t);
    }

    /** Every table as it was built, read back from an image ({@link #write}). */
    private LiteralAutomaton(KnowledgeBaseImage.In in) {
        literalCount = in.integer();
        folds = in.bool();
        columns = in.integer();
        rowShift = in.integer();
        dense = in.integer();
        column = in.ints();
        foldedColumn = in.ints();
        wideInUse = in.longs();
        next = in.chars();
        edges = in.ints();
        keys = in.chars();
        targets = in.ints();
        fail = in.ints();
        ends = in.ints();
        found = in.ints();
        int states = fail.length;
        if (column.length != 128 || foldedColumn.length != 128 || wideInUse.length != (Character.MAX_VALUE + 1) / 64
                || next.length != dense << rowShift || edges.length != states + 1 || keys.length != targets.length
                || ends.length != states + 1 || found.length != ends[states]) {
            throw new KnowledgeBaseException("knowledge base image: inconsistent automaton tables");
        }
        hitStates = hitStates(ends);
    }

    static LiteralAutomaton read(KnowledgeBaseImage.In in) {
        return new LiteralAutomaton(in);
    }

    /** Writes every table, so that {@link #read} gives this automaton back without building it. */
    void write(KnowledgeBaseImage.Out out) {
        out.integer(literalCount);
        out.bool(folds);
        out.integer(columns);
        out.integer(rowShift);
        out.integer(dense);
        out.ints(column);
        out.ints(foldedColumn);
        out.longs(wideInUse);
        out.chars(next);
        out.ints(edges);
        out.chars(keys);
        out.ints(targets);
        out.ints(fail);
        out.ints(ends);
        out.ints(found);
    }

    public int literalCount() {
        return literalCount;
    }

    /** How many states have a row in the table (the rest take the classic path). */
    int tableRows() {
        return dense;
    }

    /** How many states the automaton has. */
    int stateCount() {
        return fail.length;
    }

    /** An automaton matching the text exactly as written; literal ids are the positions in {@code literals} (non-empty). */
    public static LiteralAutomaton of(List<String> literals) {
        return build(literals, false, MAX_TABLE_STATES);
    }

    /**
     * An automaton for folded literals (see {@link FoldedText}: non-empty, already folded) whose
     * scan folds the text as it reads; literal ids are the positions in {@code literals}.
     */
    static LiteralAutomaton folding(List<String> literals) {
        return build(literals, true, MAX_TABLE_STATES);
    }

    /** Either kind, with rows for at most the first {@code rowStates} states (tests use fewer, for the classic path). */
    static LiteralAutomaton build(List<String> literals, boolean folds, int rowStates) {
        return build(literals, folds, rowStates, MAX_TABLE_STATES);
    }

    /**
     * As {@link #build(List, boolean, int)}, the table naming states below {@code tableStates} only
     * (at most {@link #MAX_TABLE_STATES}; tests use fewer, for the transitions that go beyond it).
     */
    static LiteralAutomaton build(List<String> literals, boolean folds, int rowStates, int tableStates) {
        Trie trie = new Trie();
        for (int id = 0; id < literals.size(); id++) trie.add(literals.get(id), id);
        return new LiteralAutomaton(trie, literals.size(), folds, rowStates, Math.min(tableStates, MAX_TABLE_STATES));
    }

    /** Reports every literal occurring in {@code text} (once folded, for a folding automaton); a literal may be reported more than once. */
    public void scan(CharSequence text, Hits hits) {
        String s = text.toString();
        byte[] latin1 = latin1(s);
        if (folds) {
            scanFolding(s, latin1, hits);
            return;
        }
        int state = 0;
        for (int i = 0; i < latin1.length; i++) {
            char c = charAt(s, latin1, i);
            int entry = c < 128 && state < dense ? next[(state << rowShift) | column[c]] : FAR;
            if (entry != FAR) {
                state = entry;
                if ((hitStates[entry >>> 6] & (1L << entry)) != 0) report(state, hits);
            } else {
                state = transition(state, c);
                report(state, hits);
            }
        }
    }

    /**
     * The text's characters as bytes, one each, those beyond Latin-1 as {@code '?'}. The scans
     * read these: the launcher's C1 compiler makes a call with its own checks of every
     * {@link String#charAt}, and a plain array read is a fifth cheaper per character (measured on
     * the decoder's texts). For a string of Latin-1 characters, most of them, this is one copy.
     */
    private static byte[] latin1(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == text.length()) return b;
        // getBytes made one '?' of a surrogate pair: map character by character instead
        b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            char c = text.charAt(i);
            b[i] = c < 0x100 ? (byte) c : (byte) '?';
        }
        return b;
    }

    /** The character at {@code i}: from the bytes, except where a {@code '?'} may stand for one beyond Latin-1. */
    private static char charAt(String text, byte[] latin1, int i) {
        byte b = latin1[i];
        return b == '?' ? text.charAt(i) : (char) (b & 0xFF);
    }

    /**
     * The scan of a folding automaton. Folded literals neither start nor end with a space, so the
     * white space at either end of the text, which folding drops, cannot change what is found.
     */
    private void scanFolding(String text, byte[] latin1, Hits hits) {
        int state = 0;
        boolean afterSpace = false;
        for (int i = 0; i < latin1.length; i++) {
            char c = charAt(text, latin1, i);
            int col;
            if (c < 128) {
                col = foldedColumn[c];
            } else if (FoldedText.isSpace(c)) {
                col = SPACE;
            } else {
                afterSpace = false;
                state = transition(state, FoldedText.foldChar(c));
                report(state, hits);
                continue;
            }
            if (col == SPACE) {
                if (afterSpace) continue; // a run of white space folds to one space
                afterSpace = true;
                col = column[' '];
                c = ' ';
            } else {
                afterSpace = false;
            }
            int entry = state < dense ? next[(state << rowShift) | col] : FAR;
            if (entry != FAR) {
                state = entry;
                if ((hitStates[entry >>> 6] & (1L << entry)) != 0) report(state, hits);
            } else {
                state = transition(state, FoldedText.foldChar(c));
                report(state, hits);
            }
        }
    }

    private void report(int state, Hits hits) {
        for (int o = ends[state], end = ends[state + 1]; o < end; o++) hits.found(found[o]);
    }

    /** The next state on any folded character. */
    private int transition(int state, char c) {
        // in no literal: nothing can continue through it
        if (c < 128 ? column[c] == 0 : (wideInUse[c >>> 6] & (1L << c)) == 0) return 0;
        while (true) {
            if (c < 128 && state < dense) {
                int entry = next[(state << rowShift) | column[c]];
                if (entry != FAR) return entry;
            }
            int e = Arrays.binarySearch(keys, edges[state], edges[state + 1], c);
            if (e >= 0) return targets[e];
            if (state == 0) return 0;
            state = fail[state];
        }
    }

    /**
     * The keyword tree the automaton is built from: per state, its children in the order they were
     * added and the literals ending there. Flat arrays, not a list per state: the bundled
     * knowledge base's tree is built at every start, still interpreted, from 33,000 characters.
     */
    private static final class Trie {
        private static final int[] NONE = new int[0];
        private int size;
        /** Per state: the character of the edge into it, its first and last child, its next sibling (-1: none). */
        private char[] edgeChar = new char[1024];
        private int[] firstChild = new int[1024];
        private int[] lastChild = new int[1024];
        private int[] nextSibling = new int[1024];
        private int[][] outputs = new int[1024][];

        Trie() {
            newState((char) 0);
        }

        void add(String literal, int id) {
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                int child = firstChild[state];
                while (child >= 0 && edgeChar[child] != c) child = nextSibling[child];
                if (child < 0) {
                    child = newState(c);
                    if (firstChild[state] < 0) firstChild[state] = child;
                    else nextSibling[lastChild[state]] = child;
                    lastChild[state] = child;
                }
                state = child;
            }
            int[] own = outputs[state];
            outputs[state] = own == null ? new int[] {id} : append(own, id);
        }

        private static int[] append(int[] ids, int id) {
            int[] more = Arrays.copyOf(ids, ids.length + 1);
            more[ids.length] = id;
            return more;
        }

        private int newState(char c) {
            if (size == edgeChar.length) {
                int grown = size * 2;
                edgeChar = Arrays.copyOf(edgeChar, grown);
                firstChild = Arrays.copyOf(firstChild, grown);
                lastChild = Arrays.copyOf(lastChild, grown);
                nextSibling = Arrays.copyOf(nextSibling, grown);
                outputs = Arrays.copyOf(outputs, grown);
            }
            edgeChar[size] = c;
            firstChild[size] = -1;
            lastChild[size] = -1;
            nextSibling[size] = -1;
            return size++;
        }

        int size() {
            return size;
        }

        /** The state's children, sorted by their characters. */
        int[] sortedChildren(int state) {
            int count = 0;
            for (int c = firstChild[state]; c >= 0; c = nextSibling[c]) count++;
            long[] byChar = new long[count];
            int i = 0;
            for (int c = firstChild[state]; c >= 0; c = nextSibling[c]) byChar[i++] = (long) edgeChar[c] << 32 | c;
            Arrays.sort(byChar);
            int[] children = new int[count];
            for (i = 0; i < count; i++) children[i] = (int) byChar[i];
            return children;
        }

        char edgeInto(int state) {
            return edgeChar[state];
        }

        /** The ids of the literals ending in the state, in the order they were added. */
        int[] outputs(int state) {
            return outputs[state] == null ? NONE : outputs[state];
        }

        /** All states in depth-first order (a state, then each of its subtrees, those under ASCII characters first), the start first. */
        int[] depthFirst() {
            int[] order = new int[size];
            int[] stack = new int[size];
            int top = 0, count = 0;
            stack[top++] = 0;
            int[] children = new int[size];
            while (top > 0) {
                int s = stack[--top];
                order[count++] = s;
                int n = 0;
                for (int c = firstChild[s]; c >= 0; c = nextSibling[c]) children[n++] = c;
                // children on characters beyond ASCII last: the literals that start with one (the
                // Chinese, Japanese and Korean ones) take the last numbers, which the table may
                // not reach, and their characters take the classic path in any case
                for (int i = n - 1; i >= 0; i--) if (edgeInto(children[i]) >= 128) stack[top++] = children[i];
                for (int i = n - 1; i >= 0; i--) if (edgeInto(children[i]) < 128) stack[top++] = children[i];
            }
            return order;
        }

        /** All states, the start first, each depth before the next. */
        int[] breadthFirst() {
            int[] queue = new int[size];
            int head = 0, tail = 0;
            queue[tail++] = 0;
            while (head < tail) {
                for (int c = firstChild[queue[head++]]; c >= 0; c = nextSibling[c]) queue[tail++] = c;
            }
            return queue;
        }
    }
}
