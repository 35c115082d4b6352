package io.bouncelens.decode.log;

import io.bouncelens.decode.FailedRecipient;

import java.util.List;

/**
 * What one MTA log line says about the delivery of a message to its recipients.
 *
 * @param format     which log format read it ({@code postfix-log}, {@code exim-log}, {@code sendmail-log},
 *                   {@code qmail-log}, {@code opensmtpd-log}, {@code powermta-log}, {@code exchange-log})
 * @param recipients one per recipient the line names, with action, status, reply and host
 * @param timestamp  the line's time as the log wrote it, or null
 * @param queueId    the server's own id of the message (Postfix's or Sendmail's queue id, Exim's
 *                   message id, qmail's message number, OpenSMTPD's envelope id, Exchange's
 *                   internal-message-id), or null
 * @param addresser  the message's sender, when an earlier line of the log said it; else null
 * @param messageId  the message's Message-ID, when an earlier line of the log said it; else null
 */
public record LogDelivery(String format, List<FailedRecipient> recipients, String timestamp, String queueId,
                          String addresser, String messageId) {

    public LogDelivery {
        recipients = List.copyOf(recipients);
    }

    /** A delivery as one line tells it, the message's sender and Message-ID not known. */
    static LogDelivery of(String format, List<FailedRecipient> recipients, String timestamp, String queueId) {
        return new LogDelivery(format, recipients, timestamp, queueId, null, null);
    }

    /** The same delivery with what the log said about its message earlier. */
    LogDelivery withMessage(String sender, String id) {
        return new LogDelivery(format, recipients, timestamp, queueId, sender, id);
    }
}
