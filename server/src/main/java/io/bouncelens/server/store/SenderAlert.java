package io.bouncelens.server.store;

/** Bounces that are the sender's problem, grouped by reason and provider, with the latest one. */
public record SenderAlert(String reason, String provider, long count, long lastSeen, StoredBounce latest) {
}
