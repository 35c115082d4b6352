package io.bouncelens.server.store;

/**
 * A stored record.
 *
 * @param recordJson the record as the API writes it
 * @param effect     what the suppression policy made of it (suppress, soft, sender, none)
 */
public record StoredBounce(long id, Long messageId, long receivedAt, String recordJson, String effect) {
}
