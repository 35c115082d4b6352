package io.bouncelens.decode.log;

import io.bouncelens.decode.FailedRecipient;

import java.util.List;

/**
 * What one MTA log line says about the delivery of a message to its recipients.
 *
 * @param format     which log format read it ({@code postfix-log}, {@code exim-log}, {@code sendmail-log})
 * @param recipients one per recipient the line names, with action, status, reply and host
 * @param timestamp  the line's time as the log wrote it, or null
 */
public record LogDelivery(String format, List<FailedRecipient> recipients, String timestamp) {

    public LogDelivery {
        recipients = List.copyOf(recipients);
    }
}
