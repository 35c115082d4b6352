package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Lotus Notes' SMTP MTA: "------- Failure Reasons --------", the reason (often in the server's
 * language), then the failed addresses, up to "------- Returned Message --------".
 */
public final class Notes implements VendorFormat {

    private static final String START = "------- Failure Reasons";
    private static final String END = "------- Returned Message";

    @Override
    public String name() {
        return "notes";
    }

    private static final Signature SIGNATURE = Signature.inText(START);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(START);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(START);
        int end = text.find(END, start + 1);
        if (end < 0) end = text.size();
        StringBuilder reason = new StringBuilder();
        List<String> recipients = new ArrayList<>();
        for (int i = start + 1; i < end && recipients.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (line.isEmpty()) continue;
            String address = AddressScanner.wholeLine(line);
            if (address != null) {
                recipients.add(address);
            } else if (recipients.isEmpty()) {
                if (reason.length() > 0) reason.append(' ');
                reason.append(line);
            }
        }
        List<Finding> out = new ArrayList<>();
        // Notes' own sentence for an address its directory (the Name & Address Book) lacks: the
        // server's verdict, not a remote reply quoted without its SMTP stage.
        Reason own = ReportText.indexOfIgnoreCase(reason.toString(), "not listed in public Name & Address Book") >= 0
                ? Reason.USERUNKNOWN : null;
        for (String r : recipients) out.add(Finding.of(r, reason.toString()).withHint(own));
        return Finding.toRecipients(out);
    }
}
