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

    private static final String EXPLANATION = "An error occurred while trying to deliver the mail to the following recipients";
    private static final Signature SIGNATURE = Signature.inText("Technical report:", "Final-Recipient:", EXPLANATION);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains("Technical report:") && text.contains("Final-Recipient:")
                && (message.header("X-Mailer") != null && message.header("X-Mailer").contains("Amazon WorkMail")
                || text.contains(EXPLANATION));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(TextDsnFields.read(ReportText.of(message.text())));
    }
}
