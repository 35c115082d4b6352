package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Microsoft Exchange 2000/2003's "Undeliverable:" notice: "Your message ... did not reach the
 * following recipient(s):", then {@code addr on DATE} and indented lines with the reason and the
 * {@code MSEXCH:IMS:...} diagnostic.
 */
public final class Exchange2003 implements VendorFormat {

    private static final String START = "did not reach the following recipient(s):";

    @Override
    public String name() {
        return "exchange2003";
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
        if (start < 0) return List.of();
        List<Finding> out = new ArrayList<>();
        String recipient = null;
        int first = -1;
        int i = start + 1;
        for (; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i);
            String address = recipientOf(line);
            if (address != null) {
                if (recipient != null) out.add(Finding.ofBlock(recipient, text.join(first, i)));
                recipient = address;
                first = i + 1;
            } else if (recipient != null && line.isBlank() && i + 1 < text.size() && recipientOf(text.line(i + 1)) == null) {
                break;
            }
        }
        if (recipient != null) out.add(Finding.ofBlock(recipient, text.join(first, i)));
        return Finding.toRecipients(out);
    }

    /** {@code addr on Thu, 29 Apr 2010 00:00:00 -0000} at the start of a line. */
    private static String recipientOf(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) return null;
        int on = line.indexOf(" on ");
        if (on < 0) return null;
        return AddressScanner.wholeLine(line.substring(0, on));
    }
}
