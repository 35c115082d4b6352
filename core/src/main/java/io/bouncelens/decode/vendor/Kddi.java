package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * KDDI (au one, DION) notices: "Your mail sent on: DATE / Could not be delivered to: &lt;addr&gt; /
 * As their mailbox is full." — the reason is the sentence after the address line.
 */
public final class Kddi implements VendorFormat {

    private static final String TO = "Could not be delivered to:";

    @Override
    public String name() {
        return "kddi";
    }

    private static final String SENT_ON = "Your mail sent on:";
    private static final Signature SIGNATURE = Signature.inText(SENT_ON, TO);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(SENT_ON) && text.contains(TO);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        List<Finding> out = new ArrayList<>();
        int at = text.find(TO);
        while (at >= 0 && out.size() < RecipientBlocks.MAX_RECIPIENTS) {
            String address = AddressScanner.first(text.line(at));
            int next = text.find(TO, at + 1);
            int stop = next < 0 ? Math.min(text.size(), at + 6) : next;
            int blank = at + 1;
            while (blank < stop && !text.isBlank(blank)) blank++;
            if (address != null) out.add(Finding.of(address, text.join(at + 1, blank)));
            at = next;
        }
        return Finding.toRecipients(out);
    }
}
