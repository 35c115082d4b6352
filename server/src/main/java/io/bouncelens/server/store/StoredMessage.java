package io.bouncelens.server.store;

/** A stored raw message, without its bytes. */
public record StoredMessage(long id, long receivedAt, String source, String mailFrom, String rcptTo,
                            long sizeBytes, int recordCount, String diagnoseError) {
}
