package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Trustwave MailMarshal's "Undeliverable Mail": "Could not be delivered because of" and the reply,
 * then "The following recipients were affected:" and the addresses, then "Additional Information"
 * with {@code Remote-MTA: <ip>}.
 */
public final class MailMarshal implements VendorFormat {

    private static final String BECAUSE = "Could not be delivered because of";
    private static final String AFFECTED = "The following recipients were affected:";

    @Override
    public String name() {
        return "mailmarshal";
    }

    private static final Signature SIGNATURE = Signature.inText(BECAUSE, AFFECTED);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(BECAUSE) && text.contains(AFFECTED);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int because = text.find(BECAUSE);
        int affected = text.find(AFFECTED, because);
        if (because < 0 || affected < 0) return List.of();
        String said = text.join(because + 1, affected);
        int info = text.findAny(affected + 1, "Additional Information", "=====");
        int end = info < 0 ? text.size() : info;
        String host = null;
        int remote = text.find("Remote-MTA:", end);
        if (remote >= 0) host = AddressScanner.strip(text.line(remote).substring(text.line(remote).indexOf(':') + 1).strip());
        List<Finding> out = new ArrayList<>();
        for (int i = affected + 1; i < end && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String address = AddressScanner.wholeLine(text.line(i));
            if (address != null) out.add(Finding.of(address, said).withHost(host));
        }
        return Finding.toRecipients(out);
    }
}
