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
        List<Finding> out = new ArrayList<>();
        // one block per reason: "was not delivered to:" addresses, "because:" and the reason,
        // then the next block (Domino writes one for each reason it met)
        int start = text.find(NOT_DELIVERED);
        while (start >= 0 && out.size() < RecipientBlocks.MAX_RECIPIENTS) {
            int because = text.find(BECAUSE, start + 1);
            if (because < 0) break;
            List<String> recipients = new ArrayList<>();
            for (int i = start + 1; i < because && recipients.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
                String address = AddressScanner.wholeLine(text.line(i).strip());
                if (address != null) recipients.add(address);
            }
            // the reason: the paragraph after "because:" (or the rest of that line)
            String line = text.line(because);
            int at = ReportText.indexOfIgnoreCase(line, BECAUSE);
            String reason = at < 0 ? "" : line.substring(at + BECAUSE.length()).strip();
            int next = because + 1;
            if (reason.isEmpty()) {
                int i = because + 1;
                while (i < text.size() && text.isBlank(i)) i++;
                int end = i;
                while (end < text.size() && !text.isBlank(end) && !text.line(end).contains(NOT_DELIVERED)) end++;
                reason = text.join(i, end);
                next = end;
            }
            // Domino's own sentence on an address its directory lacks ("not listed in Domino
            // Directory"): the server's verdict, not a remote reply quoted without its SMTP stage.
            // One it holds more than once ("not unique. Several matches found") is not that.
            Reason own = ReportText.indexOfIgnoreCase(reason, "not listed in") >= 0
                    && ReportText.indexOfIgnoreCase(reason, "Directory") >= 0 ? Reason.USERUNKNOWN : null;
            for (String r : recipients) out.add(Finding.of(r, reason).withHint(own));
            start = text.find(NOT_DELIVERED, next);
        }
        return Finding.toRecipients(out);
    }
}
