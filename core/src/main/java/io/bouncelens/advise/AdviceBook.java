package io.bouncelens.advise;

import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.classify.Classification;

/** Looks up the explanation and fix for a verdict. Thread-safe, no I/O per call. */
public interface AdviceBook {

    Advice adviceFor(Classification verdict, Lang lang);

    /**
     * The status a record of {@code reason} carries when the report gave none (see
     * {@code kb/advice/reasons.kb}), for a temporary failure or a permanent one; null for none.
     */
    default String pseudoStatus(Reason reason, boolean temporary) {
        return null;
    }
}
