package io.bouncelens.decode;

import java.util.Objects;

/**
 * One header field (or one field of a report group): name as written, value unfolded and decoded.
 *
 * <p>A field of a message's own header keeps its raw bytes and is decoded when its value is first
 * asked for: a bounce's header is mostly Received, DKIM and ARC lines that no one reads, and
 * decoding every value was the largest single cost of reading the header.
 */
public final class Header {

    private final String name;
    private String value;
    private final byte[] raw;
    private final int offset;
    private final int length;

    public Header(String name, String value) {
        this.name = Objects.requireNonNull(name);
        this.value = Objects.requireNonNull(value);
        this.raw = null;
        this.offset = 0;
        this.length = 0;
    }

    private Header(String name, byte[] raw, int offset, int length) {
        this.name = name;
        this.raw = raw;
        this.offset = offset;
        this.length = length;
    }

    /** A field whose value is {@code raw[offset, offset + length)} (after the colon), decoded when first read. */
    static Header ofRaw(String name, byte[] raw, int offset, int length) {
        return new Header(name, raw, offset, length);
    }

    public String name() {
        return name;
    }

    public String value() {
        String v = value;
        if (v == null) {
            // one thread reads a message; were it two, both would decode the same immutable string
            v = EncodedWords.decodeRaw(raw, offset, length);
            value = v;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && name.equals(h.name) && value().equals(h.value());
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + value().hashCode();
    }

    @Override
    public String toString() {
        return "Header[name=" + name + ", value=" + value() + "]";
    }
}
