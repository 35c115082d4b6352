package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * An MTA that frames its notice in {@code ====} rules: "Delivery to the following recipients failed
 * permanently:" (or "... was aborted after N hour(s):", its expiry), {@code * addr} lines, then
 * "Technical details:" such as {@code SMTP:RCPT host 192.0.2.8: 553 5.3.0 ...}.
 */
public final class X3 implements VendorFormat {

    private static final String BANNER = "This is an automatically generated Delivery Status Notification.";

    @Override
    public String name() {
        return "x3";
    }

    private static final Signature SIGNATURE = Signature.inText(BANNER, "Technical details:", "=======");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(BANNER) && text.contains("Technical details:") && text.contains("=======");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find("to the following recipients");
        int details = text.find("Technical details:", Math.max(0, start));
        if (start < 0) return List.of();
        boolean aborted = text.line(start).contains("aborted after");
        int from = details + 1;
        while (details >= 0 && from < text.size() && (text.isBlank(from) || text.line(from).contains("======="))) from++;
        int detailsEnd = details < 0 ? -1 : text.find("=======", from);
        String said = details < 0 ? "" : text.join(from, detailsEnd < 0 ? text.size() : detailsEnd);
        String command = null;
        if (said.startsWith("SMTP:")) {
            int colon = said.indexOf(' ');
            command = colon > 5 ? said.substring(5, colon) : null;
        }
        String host = HostNames.after(said, "host");
        List<Finding> out = new ArrayList<>();
        for (int i = start + 1; i < (details < 0 ? text.size() : details) && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (!line.startsWith("* ")) continue;
            String address = AddressScanner.wholeLine(line.substring(2));
            if (address == null) continue;
            Finding f = Finding.ofBlock(address, said).withHost(host);
            if (command != null) f = f.withCommand(command);
            if (aborted) f = f.withHint(Reason.EXPIRED);
            out.add(f);
        }
        return Finding.toRecipients(out);
    }
}
