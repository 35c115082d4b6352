package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Ipswitch IMail Server's "Undeliverable Mail": {@code Unknown user: addr} or
 * {@code User mailbox exceeds allowed size: addr} (the reason before the address), or
 * "undeliverable to addr" followed by "Body of message generated response:" and the reply, up to
 * "Original message follows.".
 */
public final class IMailServer implements VendorFormat {

    private static final String END = "Original message follows.";

    @Override
    public String name() {
        return "imailserver";
    }

    private static final String RESPONSE = "Body of message generated response:";
    private static final Signature SIGNATURE = Signature.inText(END, RESPONSE);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String subject = message.subject();
        return subject.strip().startsWith("Undeliverable Mail") && text.contains(END)
                || text.contains(RESPONSE);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int end = text.find(END);
        if (end < 0) end = text.size();
        int response = text.find("Body of message generated response:");
        String generated = response >= 0 && response < end ? text.join(response + 1, end) : null;
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < end && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (line.regionMatches(true, 0, "undeliverable to ", 0, 17)) {
                String address = AddressScanner.first(line);
                if (address != null) out.add(Finding.ofBlock(address, generated != null ? generated : line));
                continue;
            }
            // "Reason text: addr"
            int colon = line.lastIndexOf(": ");
            if (colon <= 0) continue;
            String address = AddressScanner.wholeLine(line.substring(colon + 2));
            if (address == null || line.startsWith("To:") || line.startsWith("From:") || line.startsWith("CC:")) continue;
            String reason = line.substring(0, colon);
            out.add(Finding.of(address, reason).withHint(ownVerdict(reason)));
        }
        return Finding.toRecipients(out);
    }

    /**
     * IMail's own fixed sentences for what it found itself (its user list, its quota, its DNS
     * lookup), which are verdicts rather than a remote reply quoted without its SMTP stage.
     */
    private static Reason ownVerdict(String reason) {
        String r = reason.strip();
        if (r.equalsIgnoreCase("Unknown user") || r.equalsIgnoreCase("Invalid final delivery userid")) return Reason.USERUNKNOWN;
        if (r.equalsIgnoreCase("Unknown host")) return Reason.HOSTUNKNOWN;
        if (r.equalsIgnoreCase("User mailbox exceeds allowed size")) return Reason.MAILBOXFULL;
        // "Delivery failed 20 attempts": it gave up after retrying
        if (r.regionMatches(true, 0, "Delivery failed ", 0, 16) && r.toLowerCase(java.util.Locale.ROOT).endsWith(" attempts")) {
            return Reason.EXPIRED;
        }
        return null;
    }
}
