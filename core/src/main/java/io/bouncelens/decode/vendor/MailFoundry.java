package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * MailFoundry's "Message delivery has failed": "Unable to deliver message to: &lt;addr&gt;", then
 * "Delivery failed for the following reason:" and {@code host[ip] responded with failure: 552 ...}.
 */
public final class MailFoundry implements VendorFormat {

    private static final String TO = "Unable to deliver message to:";
    private static final String REASON = "Delivery failed for the following reason:";

    @Override
    public String name() {
        return "mailfoundry";
    }

    private static final Signature SIGNATURE = Signature.inText(TO, REASON);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(TO) && text.contains(REASON);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int to = text.find(TO);
        int reason = text.find(REASON, Math.max(0, to));
        if (to < 0 || reason < 0) return List.of();
        String address = AddressScanner.first(text.line(to));
        if (address == null) return List.of();
        int end = text.findAny(reason + 1, "This has been a permanent failure", "This is a temporary failure");
        String said = text.join(reason + 1, end < 0 ? Math.min(text.size(), reason + 6) : end);
        Finding f = Finding.ofBlock(address, said);
        int responded = said.indexOf(" responded with failure");
        if (responded > 0) {
            String host = said.substring(0, responded);
            int bracket = host.indexOf('[');
            f = f.withHost(bracket > 0 ? host.substring(0, bracket) : host);
        }
        return List.of(f.toRecipient());
    }
}
