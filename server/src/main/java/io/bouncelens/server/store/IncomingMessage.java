package io.bouncelens.server.store;

import java.util.List;

/**
 * A message as it arrived, before it is stored.
 *
 * @param source   {@code smtp}, or {@code log} for a piece of a mail server's log
 * @param mailFrom the envelope sender; empty for a bounce ({@code MAIL FROM:<>})
 * @param rcptTo   the envelope recipients
 * @param raw      the message bytes exactly as received
 */
public record IncomingMessage(String source, String mailFrom, List<String> rcptTo, byte[] raw) {
    public IncomingMessage {
        rcptTo = List.copyOf(rcptTo);
    }
}
