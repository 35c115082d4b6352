package io.bouncelens.decode;

import java.util.Locale;

/** What a message is, as far as bounce handling cares. */
public enum MessageKind {
    /** A non-delivery or delay report: one record per failed recipient. */
    BOUNCE,
    /** A DSN that reports success only (delivered, relayed, expanded). */
    DELIVERED,
    /** An RFC 5965 complaint report. */
    FEEDBACK,
    /** An RFC 3834 auto-reply (out of office). */
    VACATION,
    /** Anything else: no record. */
    NOT_BOUNCE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
