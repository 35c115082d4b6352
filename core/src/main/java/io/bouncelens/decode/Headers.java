package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered, immutable list of header fields with case-insensitive look-up: the top-level
 * headers of a message, one group of a delivery-status report, an ARF report, the returned
 * original's headers.
 */
public record Headers(List<Header> fields) {

    public static final Headers EMPTY = new Headers(List.of());

    public Headers {
        fields = List.copyOf(fields);
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        for (Header h : fields) if (h.name().equalsIgnoreCase(name)) return h.value();
        return null;
    }

    /** The first non-blank value among {@code names}, in the order given, or null. */
    public String firstOf(String... names) {
        for (String n : names) {
            String v = first(n);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    /** Every value of {@code name}, in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (Header h : fields) if (h.name().equalsIgnoreCase(name)) out.add(h.value());
        return out;
    }

    public boolean has(String name) {
        return first(name) != null;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public int size() {
        return fields.size();
    }
}
