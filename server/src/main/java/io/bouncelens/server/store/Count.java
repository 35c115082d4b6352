package io.bouncelens.server.store;

/** How many records share one value (a reason, a provider, a day, a remote host). */
public record Count(String key, long count) {
}
