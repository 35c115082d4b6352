package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * HCL (Lotus) Domino's plain-text notice: "Your message ... was not delivered to:", the failed
 * addresses each on a line of their own, then "because:" and the reason in the server's words
 * ("User x (a@b) not listed in Domino Directory").
 */
public final class Domino implements VendorFormat {

    private static final String NOT_DELIVERED = "was not delivered to:";
    private static final String BECAUSE = "because:";

    @Override
    public String name() {
        return "domino";
    }

    private static final Signature SIGNATURE = Signature.inText(NOT_DELIVERED, BECAUSE);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(NOT_DELIVERED) && text.contains(BECAUSE);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(NOT_DELIVERED);
        int because = start < 0 ? -1 : text.find(BECAUSE, start + 1);
        if (because < 0) return List.of();
        List<String> recipients = new ArrayList<>();
        for (int i = start + 1; i < because && recipients.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String address = AddressScanner.wholeLine(text.line(i).strip());
            if (address != null) recipients.add(address);
        }
        // the reason: the paragraph after "because:" (or the rest of that line)
        String line = text.line(because);
        int at = ReportText.indexOfIgnoreCase(line, BECAUSE);
        String reason = at < 0 ? "" : line.substring(at + BECAUSE.length()).strip();
        if (reason.isEmpty()) {
            int i = because + 1;
            while (i < text.size() && text.isBlank(i)) i++;
            int end = i;
            while (end < text.size() && !text.isBlank(end)) end++;
            reason = text.join(i, end);
        }
        // Domino's own sentences on an address its directory lacks ("not listed in Domino
        // Directory") or holds more than once ("not unique. Several matches found in Domino
        // Directory"): the server's verdict, not a remote reply quoted without its SMTP stage
        Reason own = ReportText.indexOfIgnoreCase(reason, "in Domino Directory") >= 0 ? Reason.USERUNKNOWN : null;
        List<Finding> out = new ArrayList<>();
        for (String r : recipients) out.add(Finding.of(r, reason).withHint(own));
        return Finding.toRecipients(out);
    }
}
