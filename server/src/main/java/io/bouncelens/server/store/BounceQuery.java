package io.bouncelens.server.store;

/** Filters for listing stored records; null fields do not filter. Times are epoch milliseconds. */
public record BounceQuery(String recipient, String reason, String provider, Long since, Long until,
                          Long cursor, int limit) {
}
