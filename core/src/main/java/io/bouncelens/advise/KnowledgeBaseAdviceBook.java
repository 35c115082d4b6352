package io.bouncelens.advise;

import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.classify.Classification;
import io.bouncelens.classify.KbEntry;
import io.bouncelens.classify.KnowledgeBase;
import io.bouncelens.classify.ReasonDefault;

/**
 * Advice from the knowledge base: the deciding entry's own explanation and fix when it has them
 * for the language, else the reason's default from {@code kb/advice/reasons.kb}, part by part.
 * The entry's advice is used only when the verdict kept the entry's reason (a rule may turn a
 * "user unknown" at DATA into "filtered", and then the entry's words would be wrong), and not
 * when a reason permanent by nature was given only for now (a 4xx reply): then the reason's
 * {@code when: temporary} stanza speaks.
 */
public final class KnowledgeBaseAdviceBook implements AdviceBook {

    private final KnowledgeBase kb;

    public KnowledgeBaseAdviceBook(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public Advice adviceFor(Classification verdict, Lang lang) {
        Lang l = lang == null ? Lang.EN : lang;
        KbEntry entry = kb.entry(verdict.entryId());
        Advice own = entry != null && entry.reason() == verdict.reason() ? entry.advice().get(l) : null;
        ReasonDefault d = kb.reasonDefault(verdict.reason());
        if (d != null && d != d.forAnswer(verdict.replyCode(), verdict.status())) {
            // a permanent reason said only for now: the entry's words are about a permanent failure
            d = d.forAnswer(verdict.replyCode(), verdict.status());
            own = null;
        }
        Advice fallback = d == null ? null : d.advice().get(l);
        String explanation = own != null && own.explanation() != null ? own.explanation()
                : fallback == null ? null : fallback.explanation();
        String fix = own != null && own.fix() != null ? own.fix() : fallback == null ? null : fallback.fix();
        return new Advice(explanation, fix);
    }

    @Override
    public String pseudoStatus(Reason reason, boolean temporary) {
        ReasonDefault d = reason == null ? null : kb.reasonDefault(reason);
        return d == null ? null : d.pseudoStatusFor(temporary);
    }
}
