package io.bouncelens.decode.vendor;

import io.bouncelens.classify.LiteralAutomaton;
import io.bouncelens.decode.ParsedMessage;
import io.bouncelens.decode.ReturnedMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    /**
     * Per format: its field signs, and for each the index of the field it reads among all
     * formats' fields. A field is looked up and lower-cased once per message, not once per format
     * that asks (about twenty formats ask the From, Subject or X-Mailer of every message).
     */
    private final Signature.FieldSign[][] signsOf;
    private final int[][] fieldOf;
    private final List<Signature.FieldSign> fieldReaders = new ArrayList<>();

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
        Map<String, Integer> fieldIds = new HashMap<>();
        signsOf = new Signature.FieldSign[this.formats.size()][];
        fieldOf = new int[this.formats.size()][];
        for (int f = 0; f < this.formats.size(); f++) {
            List<Signature.FieldSign> signs = this.formats.get(f).signature().fields();
            signsOf[f] = signs.toArray(new Signature.FieldSign[0]);
            fieldOf[f] = new int[signs.size()];
            for (int i = 0; i < signs.size(); i++) {
                Signature.FieldSign sign = signs.get(i);
                Integer id = fieldIds.get(sign.fieldKey());
                if (id == null) {
                    id = fieldReaders.size();
                    fieldIds.put(sign.fieldKey(), id);
                    fieldReaders.add(sign);
                }
                fieldOf[f][i] = id;
            }
        }
    }

    /** The formats in registry order. */
    public List<VendorFormat> formats() {
        return formats;
    }

    /**
     * Finds every signature literal in the message's own text, one pass: up to and including the
     * line that introduces a pasted original (qmail's "--- Below this line is a copy of the
     * message." is one of its signs), not below it, where a returned message that is itself a
     * bounce would show another format's words.
     */
    public Scan scan(ParsedMessage message) {
        boolean[] found = new boolean[ids.size()];
        String text = message.text();
        int end = ReturnedMessage.ownTextEnd(text);
        automaton.scan(end == text.length() ? text : java.nio.CharBuffer.wrap(text, 0, end), id -> found[id] = true);
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
        // each field's value, lower-cased (null: none), once looked up
        private final String[] fieldValues = new String[fieldReaders.size()];
        private final boolean[] fieldLooked = new boolean[fieldReaders.size()];

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
            Signature.FieldSign[] signs = signsOf[index];
            for (int i = 0; i < signs.length; i++) {
                if (signs[i].holdsFor(fieldValue(fieldOf[index][i]))) return true;
            }
            return false;
        }

        /** The field's value in lower case, or null when the message has none. */
        private String fieldValue(int field) {
            if (!fieldLooked[field]) {
                String raw = fieldReaders.get(field).valueIn(message);
                fieldValues[field] = raw == null ? null : raw.toLowerCase(Locale.ROOT);
                fieldLooked[field] = true;
            }
            return fieldValues[field];
        }
    }
}
