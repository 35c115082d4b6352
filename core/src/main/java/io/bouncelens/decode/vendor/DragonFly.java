package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * DragonFly Mail Agent (dma): "There was an error delivering your mail to &lt;addr&gt;.", then
 * "HOST [IP] did not like our RCPT TO:" and the reply, up to "Message headers follow.". dma's own
 * "Could not deliver for the last N seconds. Giving up." means the message expired.
 */
public final class DragonFly implements VendorFormat {

    private static final String TO = "There was an error delivering your mail to";

    @Override
    public String name() {
        return "dragonfly";
    }

    private static final String BANNER = "This is the DragonFly Mail Agent";
    private static final Signature SIGNATURE = Signature.inText(BANNER, TO, "did not like our");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(BANNER) || (text.contains(TO) && text.contains("did not like our"));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        // Where the returned headers start, found once: the addresses are all above it.
        int headers = text.findAny(0, "Message headers follow", "Original message follows");
        int limit = headers < 0 ? text.size() : headers;
        List<Finding> out = new ArrayList<>();
        int at = text.find(TO);
        while (at >= 0 && at < limit && out.size() < RecipientBlocks.MAX_RECIPIENTS) {
            String line = text.line(at);
            String recipient = AddressScanner.first(line.substring(Math.max(0, line.indexOf(TO))));
            int next = text.find(TO, at + 1);
            int end = next < 0 || next > limit ? limit : next;
            if (recipient != null) out.add(finding(recipient, text.join(at + 1, end)));
            at = next;
        }
        return Finding.toRecipients(out);
    }

    private static Finding finding(String recipient, String block) {
        Finding f = Finding.ofBlock(recipient, block);
        int like = block.indexOf(" did not like our ");
        if (like > 0) {
            f = f.withHost(HostNames.firstToken(block));
        }
        if (block.contains("Could not deliver for the last") && block.contains("Giving up")) {
            f = f.withHint(Reason.EXPIRED);
        }
        return f;
    }
}
