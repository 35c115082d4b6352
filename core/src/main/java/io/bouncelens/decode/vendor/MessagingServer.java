package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Sun/Oracle (iPlanet) Messaging Server: "Your message cannot be delivered to the following
 * recipients:", then per recipient {@code Recipient address:}, {@code Original address:},
 * {@code Reason:}, {@code Diagnostic code: smtp;550 ...} and {@code Remote system: dns;host (...)}.
 * The recipient address may be an internal route ({@code @smtp.example.net:user@server}); the
 * original address is the one the sender wrote.
 */
public final class MessagingServer implements VendorFormat {

    private static final String START = "cannot be delivered to the following recipients:";

    @Override
    public String name() {
        return "messagingserver";
    }

    private static final Signature SIGNATURE = Signature.inText(START, "Recipient address:");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(START) && text.contains("Recipient address:");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(START);
        List<Finding> out = new ArrayList<>();
        String recipient = null;
        String original = null;
        String reason = null;
        String diagnostic = null;
        String host = null;
        for (int i = start + 1; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            String v;
            if ((v = value(line, "Recipient address:")) != null) {
                if (recipient != null || original != null) out.add(finding(original, recipient, reason, diagnostic, host));
                recipient = v;
                original = reason = diagnostic = host = null;
            } else if ((v = value(line, "Original address:")) != null) {
                original = v;
            } else if ((v = value(line, "Reason:")) != null) {
                reason = v;
            } else if ((v = value(line, "Diagnostic code:")) != null) {
                int semi = v.indexOf(';');
                diagnostic = semi >= 0 ? v.substring(semi + 1).strip() : v;
            } else if ((v = value(line, "Remote system:")) != null) {
                int semi = v.indexOf(';');
                host = HostNames.firstToken(semi >= 0 ? v.substring(semi + 1) : v);
            }
        }
        if (recipient != null || original != null) out.add(finding(original, recipient, reason, diagnostic, host));
        out.removeIf(f -> f == null);
        return Finding.toRecipients(out);
    }

    private static Finding finding(String original, String recipient, String reason, String diagnostic, String host) {
        String address = original != null ? AddressScanner.first(original) : null;
        if (address == null && recipient != null) {
            // "@relay:user@host" source routes: the address is after the last colon.
            int colon = recipient.lastIndexOf(':');
            address = AddressScanner.first(colon >= 0 ? recipient.substring(colon + 1) : recipient);
        }
        if (address == null) return null;
        String said = diagnostic != null ? diagnostic + (reason != null ? " (" + reason + ")" : "") : reason;
        return Finding.of(address, said).withHost(host);
    }

    private static String value(String line, String label) {
        return line.regionMatches(true, 0, label, 0, label.length()) ? line.substring(label.length()).strip() : null;
    }
}
