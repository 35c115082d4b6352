package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * qmail's "failure notice" ("Hi. This is the qmail-send program at ...") and the qmail-based
 * reports that keep its "--- Below this line is a copy of the message." divider.
 */
public final class Qmail implements VendorFormat {

    private static final String[] START = {
            "I'm afraid I wasn't able to deliver", "This is a permanent error", "could not be delivered",
            "following address",
    };

    @Override
    public String name() {
        return "qmail";
    }

    /**
     * qmail-remote's own words, in English whatever language a site translated the bounce's
     * preface into ("Здравствуйте. Это программа qmail-send ...").
     */
    private static final String NOT_LIKE_RECIPIENT = "does not like recipient.";
    private static final String NOT_LIKE_SENDER = "does not like sender.";
    private static final Signature SIGNATURE = Signature.inText("This is the qmail-send program",
            "--- Below this line is a copy of the message", "--- Enclosed is a copy of the message",
            NOT_LIKE_RECIPIENT, NOT_LIKE_SENDER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains("This is the qmail-send program")
                || text.contains("--- Below this line is a copy of the message")
                || text.contains("--- Enclosed is a copy of the message")
                || text.contains(NOT_LIKE_RECIPIENT) || text.contains(NOT_LIKE_SENDER);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(QmailText.read(ReportText.of(message.text()), START, false));
    }
}
