package io.bouncelens.server.store;

/**
 * One suppressed address: why, since when, and which bounce put it there.
 *
 * @param source   {@code bounce} (a hard bounce or complaint), {@code soft-bounces} (the soft limit
 *                 was reached) or {@code manual}
 * @param bounceId the stored bounce that decided it; null for manual entries
 */
public record Suppression(String address, String reason, String source, long since, Long bounceId, String note) {
}
