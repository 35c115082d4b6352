package io.bouncelens.decode.vendor;

import io.bouncelens.decode.DeliveryStatus;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a vendor format looks for before it reads a message, as data: the literals of the report
 * text its recognition asks about (exact, as written), and the header fields that alone can make
 * it worth asking. The decoder finds every format's text literals in one pass over the text
 * ({@link VendorRecognition}) and asks {@link VendorFormat#recognises} only of the formats with a
 * hit, instead of every format searching the whole text for its own literals.
 *
 * @param text   the literals of the report text that {@link VendorFormat#recognises} may ask
 *               {@link TextHits#contains} about; a message with one of them is offered to the format
 * @param fields header fields whose presence (or a literal in whose value, any case) offers the
 *               message to the format even when no text literal is there
 */
public record Signature(List<String> text, List<FieldSign> fields) {

    public Signature {
        text = List.copyOf(text);
        fields = List.copyOf(fields);
        for (String literal : text) {
            if (literal.isEmpty()) throw new IllegalArgumentException("an empty signature literal matches everything");
        }
    }

    /** A format recognised by literals of its report text. */
    public static Signature inText(String... literals) {
        return new Signature(List.of(literals), List.of());
    }

    /** This signature, also offering the message when header {@code field} contains one of {@code literals} (any case). */
    public Signature orHeader(String field, String... literals) {
        List<FieldSign> more = new ArrayList<>(fields);
        for (String l : literals) more.add(new FieldSign(Place.HEADER, field, l.toLowerCase(Locale.ROOT)));
        return new Signature(text, more);
    }

    /** This signature, also offering the message when its RFC 3464 per-message fields have {@code field}. */
    public Signature orDeliveryStatusField(String field) {
        List<FieldSign> more = new ArrayList<>(fields);
        more.add(new FieldSign(Place.DELIVERY_STATUS, field, ""));
        return new Signature(text, more);
    }

    /** Where a field sign looks. */
    public enum Place { HEADER, DELIVERY_STATUS }

    /** A header field, present, whose value contains {@code literal} (lower case; empty: any value). */
    public record FieldSign(Place place, String field, String literal) {

        /** The field's value in {@code message}, or null when it has none. */
        String valueIn(ParsedMessage message) {
            if (place == Place.HEADER) return message.header(field);
            DeliveryStatus dsn = message.deliveryStatus();
            return dsn == null ? null : dsn.perMessage().first(field);
        }

        /** Whether the sign holds for the field's value, lower-cased ({@link #valueIn}, then lower case). */
        boolean holdsFor(String lowerCaseValue) {
            return lowerCaseValue != null && (literal.isEmpty() || lowerCaseValue.contains(literal));
        }

        /** The same place and field, whatever the literal: signs that read the same value. */
        String fieldKey() {
            return place + ":" + field.toLowerCase(Locale.ROOT);
        }
    }
}
