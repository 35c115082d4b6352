package io.bouncelens.decode.vendor;

import io.bouncelens.classify.LiteralAutomaton;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which vendor formats to ask about a message, in one pass over its text: the text
 * literals of every format's {@link Signature} are compiled into one Aho-Corasick automaton, so
 * finding all of them costs one scan however many formats there are (before, each of ~40
 * formats searched the whole text for its literals, a few searches each). Immutable and
 * thread-safe once built.
 */
public final class VendorRecognition {

    private final List<VendorFormat> formats;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[][] literalsOf; // per format: ids of its text literals
    private final LiteralAutomaton automaton;

    public VendorRecognition(List<VendorFormat> formats) {
        this(formats, List.of());
    }

    /**
     * {@code alsoFind}: literals the decoder itself asks about ({@link Scan#hits()}), found in the
     * same pass as the formats' signatures.
     */
    public VendorRecognition(List<VendorFormat> formats, List<String> alsoFind) {
        this.formats = List.copyOf(formats);
        List<String> literals = new ArrayList<>();
        for (String literal : alsoFind) {
            if (ids.putIfAbsent(literal, literals.size()) == null) literals.add(literal);
        }
        literalsOf = new int[this.formats.size()][];
        for (int f = 0; f < this.formats.size(); f++) {
            List<String> text = this.formats.get(f).signature().text();
            literalsOf[f] = new int[text.size()];
            for (int i = 0; i < text.size(); i++) {
                String literal = text.get(i);
                Integer id = ids.get(literal);
                if (id == null) {
                    id = literals.size();
                    ids.put(literal, id);
                    literals.add(literal);
                }
                literalsOf[f][i] = id;
            }
        }
        automaton = LiteralAutomaton.of(literals);
    }

    /** The formats in registry order. */
    public List<VendorFormat> formats() {
        return formats;
    }

    /** Finds every signature literal in the message's text: one pass. */
    public Scan scan(ParsedMessage message) {
        boolean[] found = new boolean[ids.size()];
        automaton.scan(message.text(), id -> found[id] = true);
        return new Scan(message, new TextHits(ids, found), found);
    }

    /** The signature hits of one message. */
    public final class Scan {
        private static final byte UNKNOWN = 0, OFFERED = 1, NOT_OFFERED = 2;

        private final ParsedMessage message;
        private final TextHits hits;
        private final boolean[] found;
        // decided once per format: the decoder may go through the formats more than once per message
        private final byte[] offered = new byte[formats.size()];

        private Scan(ParsedMessage message, TextHits hits, boolean[] found) {
            this.message = message;
            this.hits = hits;
            this.found = found;
        }

        public TextHits hits() {
            return hits;
        }

        /** True when the format at {@code index} (registry order) has a text literal in the message or a header sign that holds. */
        public boolean offered(int index) {
            if (offered[index] == UNKNOWN) offered[index] = decide(index) ? OFFERED : NOT_OFFERED;
            return offered[index] == OFFERED;
        }

        private boolean decide(int index) {
            for (int id : literalsOf[index]) if (found[id]) return true;
            return formats.get(index).signature().inFields(message);
        }
    }
}
