package io.bouncelens;

import io.bouncelens.advise.AdviceBook;
import io.bouncelens.advise.KnowledgeBaseAdviceBook;
import io.bouncelens.classify.KnowledgeBase;
import io.bouncelens.classify.KnowledgeBaseClassifier;
import io.bouncelens.classify.ReplyClassifier;

/** Wires the bundled implementations together: both read the one compiled knowledge base. */
final class StandardParts {

    private StandardParts() {
    }

    static ReplyClassifier classifier() {
        return new KnowledgeBaseClassifier(KnowledgeBase.bundled());
    }

    static AdviceBook adviceBook() {
        return new KnowledgeBaseAdviceBook(KnowledgeBase.bundled());
    }
}
