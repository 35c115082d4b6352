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
 * The non-delivery report of Exchange 2007 and later, Exchange Online / Office 365 and Outlook.com:
 * the reader's part ("Delivery has failed to these recipients or groups:") and "Diagnostic
 * information for administrators:" with "Generating server:", then per recipient the address and
 * either {@code #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##} or
 * {@code Remote Server [at host (ip)] returned '550 5.1.10 ...'}, up to "Original message headers:".
 * A {@code QUEUE.Expired} answer is Exchange giving up after its retry period: expired.
 */
public final class Exchange2007 implements VendorFormat {

    private static final String DIAGNOSTIC = "Diagnostic information for administrators:";
    private static final String END = "Original message headers:";

    @Override
    public String name() {
        return "exchange2007";
    }

    private static final Signature SIGNATURE = Signature.inText(DIAGNOSTIC, "Generating server:");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(DIAGNOSTIC) && text.contains("Generating server:");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(DIAGNOSTIC);
        int end = text.find(END, start + 1);
        if (end < 0) end = text.size();
        Map<String, Finding> out = new LinkedHashMap<>();
        String recipient = null;
        for (int i = start + 1; i < end && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (line.isEmpty() || line.startsWith("Generating server:") || line.startsWith("Receiving server:")) continue;
            String address = AddressScanner.wholeLine(line);
            if (address != null) {
                recipient = address;
                continue;
            }
            if (recipient == null || out.containsKey(recipient.toLowerCase(Locale.ROOT))) continue;
            Finding f = answer(recipient, line);
            if (f != null) out.put(recipient.toLowerCase(Locale.ROOT), f);
        }
        return Finding.toRecipients(new ArrayList<>(out.values()));
    }

    /** {@code #550 5.1.1 ... ##} or {@code [time - ]Remote Server [at host (ip)] returned '...'}. */
    private static Finding answer(String recipient, String line) {
        String said;
        String host = null;
        if (line.startsWith("#")) {
            said = line.substring(1);
            int hashes = said.indexOf("##");
            if (hashes >= 0) said = said.substring(0, hashes);
        } else {
            // "Remote Server returned" (Exchange) or "Remote server returned" (Office 365 today)
            int returned = line.indexOf(" returned '");
            if (returned < 0 || ReportText.indexOfIgnoreCase(line, "Remote Server") < 0) return null;
            int at = ReportText.indexOfIgnoreCase(line, "Remote Server at ");
            if (at >= 0 && at < returned) host = HostNames.firstToken(line.substring(at + 17, returned));
            said = line.substring(returned + 11);
            if (said.endsWith("'")) said = said.substring(0, said.length() - 1);
        }
        Finding f = Finding.of(recipient, said.strip()).withHost(host);
        return said.contains("QUEUE.Expired") ? f.withHint(Reason.EXPIRED) : f;
    }
}
