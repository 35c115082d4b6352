package io.bouncelens.classify;

import java.util.Arrays;

/**
 * A set of small ints (literal or entry ids) reused from reply to reply by one thread.
 * {@link #clear()} is constant time: an id is in the set when it was marked since the last clear,
 * which is told by a per-id stamp, so nothing as long as the knowledge base is zeroed per reply.
 */
final class Marks {

    /** Per id: the round (one per reply) in which it was last marked. */
    private final int[] markedIn;
    private int round = 1;

    Marks(int size) {
        markedIn = new int[size];
    }

    void clear() {
        if (++round == 0) { // after 2^32 rounds the stamps would repeat: start again from clean
            Arrays.fill(markedIn, 0);
            round = 1;
        }
    }

    /** Marks {@code id}; true when it was not marked yet. */
    boolean mark(int id) {
        if (markedIn[id] == round) return false;
        markedIn[id] = round;
        return true;
    }

    boolean contains(int id) {
        return markedIn[id] == round;
    }
}
