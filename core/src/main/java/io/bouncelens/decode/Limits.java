package io.bouncelens.decode;

/**
 * Bounds on what one message may make the decoder read or keep. Beyond a limit the decoder keeps
 * what it has read so far, marks the records {@code truncated} and goes on: a hostile or broken
 * message costs at most these amounts, never the process.
 *
 * @param maxMessageBytes     bytes of one message read at all (default 32 MiB); the rest is skipped
 * @param maxHeaderLineBytes  bytes of one header field, folded lines included (default 64 KiB)
 * @param maxHeaderCount      header fields of one entity (default 1,000)
 * @param maxMimeDepth        nesting of multiparts and messages (default 24)
 * @param maxParts            MIME entities in one message (default 500)
 * @param maxRecipients       recipients taken from one report (default 10,000: a mass mailing's
 *                            report may list thousands, and each must become a record)
 * @param maxTextBytesPerPart decoded bytes kept of one text or report part (default 512 KiB); a
 *                            delivery-status part may also use {@link #DELIVERY_STATUS_BYTES_PER_RECIPIENT}
 *                            per allowed recipient, so a long report is not cut before its limit
 */
public record Limits(long maxMessageBytes, int maxHeaderLineBytes, int maxHeaderCount, int maxMimeDepth,
                     int maxParts, int maxRecipients, int maxTextBytesPerPart) {

    public static final Limits DEFAULT = new Limits(32L << 20, 64 << 10, 1_000, 24, 500, 10_000, 512 << 10);

    /** Room a delivery-status part gets per allowed recipient: a recipient group is a few hundred bytes. */
    public static final int DELIVERY_STATUS_BYTES_PER_RECIPIENT = 1024;

    public Limits {
        if (maxMessageBytes < 1 || maxHeaderLineBytes < 1 || maxHeaderCount < 1 || maxMimeDepth < 1
                || maxParts < 1 || maxRecipients < 1 || maxTextBytesPerPart < 1) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    /** Bytes read of one delivery-status part: enough for {@link #maxRecipients()} groups. */
    public int maxDeliveryStatusBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 8,
                Math.max(maxTextBytesPerPart, (long) maxRecipients * DELIVERY_STATUS_BYTES_PER_RECIPIENT));
    }

    public Limits withMaxMessageBytes(long v) {
        return new Limits(v, maxHeaderLineBytes, maxHeaderCount, maxMimeDepth, maxParts, maxRecipients, maxTextBytesPerPart);
    }

    public Limits withMaxMimeDepth(int v) {
        return new Limits(maxMessageBytes, maxHeaderLineBytes, maxHeaderCount, v, maxParts, maxRecipients, maxTextBytesPerPart);
    }

    public Limits withMaxRecipients(int v) {
        return new Limits(maxMessageBytes, maxHeaderLineBytes, maxHeaderCount, maxMimeDepth, maxParts, v, maxTextBytesPerPart);
    }

    public Limits withMaxTextBytesPerPart(int v) {
        return new Limits(maxMessageBytes, maxHeaderLineBytes, maxHeaderCount, maxMimeDepth, maxParts, maxRecipients, v);
    }
}
