package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        out.replaceAll(Exchange2003::withOwnVerdict);
        return Finding.toRecipients(out);
    }

    /**
     * {@code MSEXCH:IMS:... 0 (000C05A6) Unknown Recipient}: Exchange's own diagnostic code, the
     * server's verdict from its directory, not a remote reply quoted without its SMTP stage.
     */
    private static Finding withOwnVerdict(Finding f) {
        String d = f.diagnostic();
        int msexch = d == null ? -1 : d.indexOf("MSEXCH:");
        if (msexch < 0) return f;
        int open = d.indexOf('(', msexch);
        if (open < 0 || open + 9 >= d.length() || d.charAt(open + 9) != ')') return f;
        Reason reason = switch (d.substring(open + 1, open + 9).toUpperCase(Locale.ROOT)) {
            case "000C05A6" -> Reason.USERUNKNOWN;      // Unknown Recipient
            case "00120270" -> Reason.NETWORKERROR;     // Too many hops: a routing loop
            case "00050311", "000502CC" -> Reason.CONTENTERROR; // conversion to Internet format failed
            default -> null;
        };
        return reason == null ? f : f.withHint(reason);
    }

    /** {@code addr on Thu, 29 Apr 2010 00:00:00 -0000} at the start of a line. */
    private static String recipientOf(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) return null;
        int on = line.indexOf(" on ");
        if (on < 0) return null;
        return AddressScanner.wholeLine(line.substring(0, on));
    }
}
