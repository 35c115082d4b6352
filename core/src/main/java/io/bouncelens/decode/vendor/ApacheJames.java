package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * Apache James' notice (Verizon's vtext.com gateway sends it): "Error message below:" and the reply,
 * then "Message details:" with the envelope ({@code RCPT TO: addr}).
 */
public final class ApacheJames implements VendorFormat {

    private static final String BELOW = "Error message below:";
    private static final String DETAILS = "Message details:";

    @Override
    public String name() {
        return "apachejames";
    }

    private static final Signature SIGNATURE = Signature.inText(BELOW, DETAILS, "RCPT TO:");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(BELOW) && text.contains(DETAILS) && text.contains("RCPT TO:");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int below = text.find(BELOW);
        int details = text.find(DETAILS, Math.max(0, below));
        if (below < 0 || details < 0) return List.of();
        String said = text.join(below + 1, details);
        String head = text.join(Math.max(0, below - 3), below);
        int rcpt = text.findStart("RCPT TO:", details);
        if (rcpt < 0) return List.of();
        String address = AddressScanner.first(text.line(rcpt));
        if (address == null) return List.of();
        // "Error: Invalid user address" above the reply is James' own reading of it.
        String reading = head.startsWith("Error: ") ? head.substring(7) : "";
        Finding f = Finding.ofBlock(address, reading.isEmpty() ? said : said + " (" + reading + ")");
        return List.of(f.toRecipient());
    }
}
