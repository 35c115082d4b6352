package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * A qmail-derived MTA of some Japanese and US providers: "Message from example.com. Unable to deliver
 * message to the following address(es)." and "--- Original message follows.". It writes "I'm not
 * going to try again; this message has been in the queue too long" only when it gives up on a
 * temporary failure after its retry period, so that sentence means expired here.
 */
public final class X2 implements VendorFormat {

    private static final String[] START = {"Unable to deliver message to the following address"};

    @Override
    public String name() {
        return "x2";
    }

    private static final String UNABLE = "Unable to deliver message to the following address(es)";
    private static final String FOLLOWS = "--- Original message follows";
    private static final Signature SIGNATURE = Signature.inText(UNABLE, FOLLOWS);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(UNABLE) && text.contains(FOLLOWS);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(QmailText.read(ReportText.of(message.text()), START, true));
    }
}
