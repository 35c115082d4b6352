package io.bouncelens.classify;

import java.util.Arrays;

/**
 * The knowledge-base literals found in one reply: whether each was found, and the ids found in
 * the order first seen, so the classifier visits only these instead of every literal it knows.
 */
final class LiteralHits implements LiteralAutomaton.Hits {

    private final boolean[] present;
    private int[] ids = new int[16];
    private int count;

    LiteralHits(int literalCount) {
        present = new boolean[literalCount];
    }

    @Override
    public void found(int literalId) {
        if (present[literalId]) return;
        present[literalId] = true;
        if (count == ids.length) ids = Arrays.copyOf(ids, count * 2);
        ids[count++] = literalId;
    }

    /** Indexed by literal id: true when found. Shared, not copied. */
    boolean[] present() {
        return present;
    }

    int count() {
        return count;
    }

    int id(int i) {
        return ids[i];
    }
}
