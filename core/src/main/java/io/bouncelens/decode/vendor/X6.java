package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A relay's "There was an error sending your mail": {@code SMTP Server <host> rejected recipient
 * <addr> (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]}.
 */
public final class X6 implements VendorFormat {

    private static final String REJECTED = " rejected recipient <";
    private static final String RESPONDED = "It responded as follows:";

    @Override
    public String name() {
        return "x6";
    }

    private static final Signature SIGNATURE = Signature.inText(REJECTED, RESPONDED);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(REJECTED) && text.contains(RESPONDED);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        List<Finding> out = new ArrayList<>();
        for (String line : text.lines()) {
            int at = line.indexOf(REJECTED);
            int responded = line.indexOf(RESPONDED);
            if (at < 0 || responded < at || out.size() >= RecipientBlocks.MAX_RECIPIENTS) continue;
            String address = AddressScanner.first(line.substring(at));
            if (address == null) continue;
            String said = line.substring(responded + RESPONDED.length()).strip();
            if (said.startsWith("[") && said.endsWith("]")) said = said.substring(1, said.length() - 1);
            String framing = line.substring(0, responded);
            Finding f = Finding.of(address, said).withCommand(ReplyParts.command(framing.substring(at)));
            int server = framing.indexOf("SMTP Server <");
            if (server >= 0) {
                int close = framing.indexOf('>', server);
                if (close > server) f = f.withHost(framing.substring(server + 13, close));
            }
            out.add(f);
        }
        return Finding.toRecipients(out);
    }
}
