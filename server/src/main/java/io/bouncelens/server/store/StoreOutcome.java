package io.bouncelens.server.store;

import java.util.List;

/** What storing one message did: its id, its records' ids and the addresses it suppressed. */
public record StoreOutcome(long messageId, List<Long> bounceIds, List<String> suppressed) {
}
