package io.bouncelens.server.store;

/** How many records share one value on one day (UTC). */
public record DailyCount(String day, String key, long count) {
}
