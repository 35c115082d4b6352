package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Zoho Mail's reports: one line per failed address, {@code addr Invalid Address, ERROR_CODE :550,
 * ERROR_CODE :5.1.1 ...}, and its delay warnings, {@code [Status: Error, Address: <addr>,
 * ResponseCode 421, , Host not reachable.]}, which Zoho keeps retrying until the message expires.
 */
public final class Zoho implements VendorFormat {

    @Override
    public String name() {
        return "zoho";
    }

    private static final Signature SIGNATURE = Signature.inText("ERROR_CODE", "[Status: ");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        boolean zoho = message.header("X-ZohoMail") != null || message.from().toLowerCase().contains("zoho");
        return zoho && (text.contains("ERROR_CODE") || text.contains("[Status: "));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        boolean warning = text.contains("Message will be retried") || text.contains("THIS IS A WARNING MESSAGE");
        List<Finding> out = new ArrayList<>();
        for (String line : text.lines()) {
            Finding f = warning ? statusLine(line) : errorCodeLine(line);
            if (f == null) continue;
            out.add(warning ? f.delayed().withHint(Reason.EXPIRED) : f);
            if (out.size() >= RecipientBlocks.MAX_RECIPIENTS) break;
        }
        return Finding.toRecipients(out);
    }

    /** {@code addr Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <addr>... User Unknown}. */
    private static Finding errorCodeLine(String line) {
        int codeAt = line.indexOf("ERROR_CODE");
        if (codeAt < 0) return null;
        String t = line.strip();
        int space = t.indexOf(' ');
        if (space < 0) return null;
        String recipient = AddressScanner.wholeLine(t.substring(0, space));
        if (recipient == null) return null;
        String rest = t.substring(space + 1);
        Integer reply = null;
        int first = rest.indexOf("ERROR_CODE :");
        if (first >= 0) reply = ReplyParts.replyCode(rest.substring(first + 12));
        int last = rest.lastIndexOf("ERROR_CODE :");
        String said = last >= 0 ? rest.substring(last + 12).strip() : rest;
        String lead = first > 0 ? rest.substring(0, first).strip() : "";
        if (lead.endsWith(",")) lead = lead.substring(0, lead.length() - 1);
        Finding f = Finding.of(recipient, lead.isEmpty() ? said : said + " (" + lead + ")");
        return reply != null ? f.withReplyCode(reply) : f;
    }

    /** {@code [Status: Error, Address: <addr>, ResponseCode 421, , Host not reachable.]}. */
    private static Finding statusLine(String line) {
        int addressAt = line.indexOf("Address:");
        if (!line.strip().startsWith("[Status:") || addressAt < 0) return null;
        String recipient = AddressScanner.first(line.substring(addressAt));
        if (recipient == null) return null;
        int codeAt = line.indexOf("ResponseCode ");
        Integer reply = codeAt >= 0 ? ReplyParts.replyCode(line.substring(codeAt + 13)) : null;
        String said = line.strip();
        int lastComma = said.lastIndexOf(',');
        if (lastComma >= 0) said = said.substring(lastComma + 1).strip();
        if (said.endsWith("]")) said = said.substring(0, said.length() - 1).strip();
        Finding f = Finding.of(recipient, reply != null ? reply + " " + said : said);
        return f;
    }
}
