package io.bouncelens.decode.vendor;

import java.util.HashMap;
import java.util.Map;

/**
 * Which signature literals ({@link Signature#text()}) occur in one message's report text, found
 * before any format is asked. A format may ask only about literals it declared: asking about
 * another is a programming error, reported at once rather than answered "absent".
 */
public final class TextHits {

    private final Map<String, Integer> ids;
    private final boolean[] found;

    TextHits(Map<String, Integer> ids, boolean[] found) {
        this.ids = ids;
        this.found = found;
    }

    /**
     * The hits of {@code literals} in {@code text} found one literal at a time: for asking a single
     * format (tests, fuzzing); the decoder scans for all formats at once.
     */
    public static TextHits search(String text, Iterable<String> literals) {
        Map<String, Integer> ids = new HashMap<>();
        for (String l : literals) ids.putIfAbsent(l, ids.size());
        boolean[] found = new boolean[ids.size()];
        for (Map.Entry<String, Integer> e : ids.entrySet()) found[e.getValue()] = text.contains(e.getKey());
        return new TextHits(ids, found);
    }

    /** True when the report text contains {@code literal}, one of the asking format's signature literals. */
    public boolean contains(String literal) {
        Integer id = ids.get(literal);
        if (id == null) throw new IllegalArgumentException("not a signature literal: " + literal);
        return found[id];
    }
}
