package io.bouncelens;

import io.bouncelens.advise.Advice;
import io.bouncelens.advise.AdviceBook;
import io.bouncelens.classify.Classification;
import io.bouncelens.classify.ReplyClassifier;

/**
 * Wires the bundled implementations together. Until the knowledge-base classifier lands this
 * answers {@code undefined} for everything.
 */
final class StandardParts {

    private StandardParts() {
    }

    static ReplyClassifier classifier() {
        return evidence -> new Classification(Reason.UNDEFINED, evidence.status(), evidence.replyCode(),
                evidence.remoteHost(), null, null, null, null, null, null);
    }

    static AdviceBook adviceBook() {
        return (verdict, lang) -> new Advice(null, null);
    }
}
