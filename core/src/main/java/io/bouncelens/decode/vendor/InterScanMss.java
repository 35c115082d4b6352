package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trend Micro InterScan Messaging Security Suite: the SMTP dialogue as
 * {@code Sent <<< RCPT TO:<addr>} / {@code Received >>> 550 ...} pairs, or the sentence
 * "Unable to deliver message to &lt;addr&gt; (and other recipients in the same domain)."
 */
public final class InterScanMss implements VendorFormat {

    private static final String SENT = "Sent <<< ";
    private static final String RECEIVED = "Received >>> ";
    private static final String UNABLE = "Unable to deliver message to <";
    private static final String CHECK_ADDRESS = "Please check if address is correct";

    @Override
    public String name() {
        return "interscanmss";
    }

    private static final Signature SIGNATURE = Signature.inText(SENT, RECEIVED, UNABLE, "InterScan");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return (text.contains(SENT) && text.contains(RECEIVED))
                || (text.contains(UNABLE) && (message.from().contains("InterScan") || text.contains("InterScan")));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        Map<String, Finding> out = new LinkedHashMap<>();
        String recipient = null;
        String command = null;
        for (int i = 0; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (line.startsWith(SENT)) {
                String sent = line.substring(SENT.length());
                command = ReplyParts.command(sent);
                String address = AddressScanner.first(sent);
                if ("RCPT".equals(command) && address != null) recipient = address;
            } else if (line.startsWith(RECEIVED) && recipient != null) {
                String said = line.substring(RECEIVED.length()).strip();
                out.putIfAbsent(recipient.toLowerCase(Locale.ROOT), Finding.of(recipient, said).withCommand(command));
            } else if (line.startsWith(UNABLE)) {
                String address = AddressScanner.first(line);
                if (address == null) continue;
                // InterScan's own sentence when the next server refused the address: it asks the
                // sender to check the address, the only verdict the notice gives.
                Finding f = Finding.of(address, line);
                if (line.contains(CHECK_ADDRESS)) f = f.withHint(Reason.USERUNKNOWN);
                out.putIfAbsent(address.toLowerCase(Locale.ROOT), f);
            }
        }
        return Finding.toRecipients(new ArrayList<>(out.values()));
    }
}
