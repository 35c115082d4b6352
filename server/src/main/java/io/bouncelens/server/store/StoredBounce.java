package io.bouncelens.server.store;

/**
 * A stored record.
 *
 * @param recordJson the record as the API writes it, in English
 * @param adviceJson its explanation and fix in the other languages, or null
 * @param effect     what the suppression policy made of it (suppress, soft, sender, none)
 */
public record StoredBounce(long id, Long messageId, long receivedAt, String recordJson, String adviceJson, String effect) {
}
