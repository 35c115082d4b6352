package io.bouncelens.classify;

import java.util.Arrays;

/**
 * The knowledge-base literals found in one reply: whether each was found, and the ids found in
 * the order first seen, so the classifier visits only these instead of every literal it knows.
 * Reused from reply to reply by one thread ({@link #clear()}), so a reply allocates nothing here.
 */
final class LiteralHits implements LiteralAutomaton.Hits {

    private final Marks found;
    private int[] ids = new int[16];
    private int count;

    LiteralHits(int literalCount) {
        found = new Marks(literalCount);
    }

    /** Forgets the previous reply's literals. */
    void clear() {
        found.clear();
        count = 0;
    }

    @Override
    public void found(int literalId) {
        if (!found.mark(literalId)) return;
        if (count == ids.length) ids = Arrays.copyOf(ids, count * 2);
        ids[count++] = literalId;
    }

    boolean contains(int literalId) {
        return found.contains(literalId);
    }

    int count() {
        return count;
    }

    int id(int i) {
        return ids[i];
    }
}
