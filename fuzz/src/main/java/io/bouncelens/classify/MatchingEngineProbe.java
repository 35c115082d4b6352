package io.bouncelens.classify;

/**
 * The classifier's matching steps without its 64 KiB input cap, so the benchmark can show that
 * the engine itself is linear and not only shielded by the cap. It lives in the classifier's
 * package (from the fuzz module) because those steps are package-private by design.
 */
public final class MatchingEngineProbe {

    private final KnowledgeBase kb;

    public MatchingEngineProbe(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Folds the text and runs the literal automaton over it; returns how many literal hits it saw. */
    public int foldAndScan(String text) {
        String folded = FoldedText.fold(text);
        int[] hits = {0};
        kb.automaton().scan(folded, id -> hits[0]++);
        return hits[0];
    }

    /** Reads codes, host and command out of the text (the classifier's first step). */
    public Object readReply(String text) {
        return ReplyReader.read(text);
    }

    /** Folds the text as the classifier does before an entry's RE2/J pattern runs over it. */
    public String fold(String text) {
        return FoldedText.fold(text);
    }
}
