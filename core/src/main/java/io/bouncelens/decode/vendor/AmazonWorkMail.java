package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * Amazon WorkMail's "Delivery Status Notification (Failure)": a sentence, the addresses, then
 * "Technical report:" with RFC 3464 fields written as plain text rather than as a
 * delivery-status part.
 */
public final class AmazonWorkMail implements VendorFormat {

    @Override
    public String name() {
        return "amazonworkmail";
    }

    @Override
    public boolean recognises(ParsedMessage message) {
        String text = message.text();
        return text.contains("Technical report:") && text.contains("Final-Recipient:")
                && (message.header("X-Mailer") != null && message.header("X-Mailer").contains("Amazon WorkMail")
                || text.contains("An error occurred while trying to deliver the mail to the following recipients"));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(TextDsnFields.read(ReportText.of(message.text())));
    }
}
