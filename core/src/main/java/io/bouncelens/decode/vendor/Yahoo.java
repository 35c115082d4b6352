package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * Yahoo Mail's "Failure Notice" (also sent for AOL since they merged): qmail's layout, the
 * server's answer after "Remote host said:" and the SMTP step in brackets ({@code [RCPT_TO]}).
 */
public final class Yahoo implements VendorFormat {

    private static final String[] START = {"Sorry, we were unable to deliver your message"};

    @Override
    public String name() {
        return "yahoo";
    }

    private static final String SORRY = "Sorry, we were unable to deliver your message to the following address";
    private static final Signature SIGNATURE = Signature.inText(SORRY);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(SORRY);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(QmailText.read(ReportText.of(message.text()), START, false));
    }
}
