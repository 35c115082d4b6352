package io.bouncelens.server.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change to the suppression list, as the journal keeps it.
 *
 * @param id      its place in the journal: changes are numbered in the order they were committed
 * @param address the address
 * @param change  {@code added} or {@code removed}
 * @param reason  why it was added (userunknown, feedback, manual, ...); null for a removal
 * @param source  {@code bounce}, {@code soft-bounces} or {@code manual} for an addition; for a
 *                removal, {@code manual} (by hand) or {@code rediagnose} (its bounce read again)
 * @param at      when, epoch milliseconds
 */
public record SuppressionChange(long id, String address, String change, String reason, String source, long at) {

    /** The change as the API and the webhook write it: these names, the time as an ISO instant, no null reason. */
    public Map<String, Object> fields() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("address", address);
        row.put("change", change);
        if (reason != null) row.put("reason", reason);
        row.put("source", source);
        row.put("at", Instant.ofEpochMilli(at).toString());
        return row;
    }
}
