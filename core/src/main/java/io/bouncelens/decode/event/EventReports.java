package io.bouncelens.decode.event;

import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.SmtpText;

import java.util.List;

/** What the event formats build their reports from. */
final class EventReports {

    private EventReports() {
    }

    /**
     * A recipient as an event states it: the server's reply (its {@code smtp;} type dropped), and
     * the status, reply code and command read from the reply where the event gives none.
     */
    static FailedRecipient.Builder recipient(String address, String action, String status, String reply) {
        String text = SmtpText.stripType(reply);
        if (text != null && text.isEmpty()) text = null;
        return FailedRecipient.builder()
                .recipient(address)
                .action(action)
                .status(status != null ? status : text == null ? null : SmtpText.firstFailureStatus(text))
                .replyCode(text == null ? null : SmtpText.firstFailureReplyCode(text))
                .diagnosticCode(text)
                .command(text == null ? null : SmtpText.command(text));
    }

    static DecodedReport report(MessageKind kind, String format, List<FailedRecipient> recipients, String addresser,
                                String messageId, String subject, String timestamp) {
        if (recipients.isEmpty()) return null;
        return new DecodedReport(kind, format, recipients, addresser, messageId, subject, timestamp, false, List.of());
    }
}
