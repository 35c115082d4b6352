package io.bouncelens.server.store;

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
}
