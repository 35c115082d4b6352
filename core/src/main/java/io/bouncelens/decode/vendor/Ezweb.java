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
 * au by KDDI's EZweb "Mail System Error - Returned Mail": a Japanese preface, one English sentence
 * that is the carrier's verdict ("The user(s) account is disabled.", "Your message was not delivered
 * within 0 days and 1 hours."), then the addresses as {@code <addr>}, {@code <addr>: reply} or
 * {@code Recipient: <addr>} with the SMTP dialogue below. A refusal with no SMTP answer at all is
 * the recipient's reception filter.
 */
public final class Ezweb implements VendorFormat {

    private static final String[] VERDICTS = {
            "The user(s) account is disabled", "The user(s) account is temporarily over quota",
            "The user(s) account is temporarily limited", "Your message was not delivered within", "Remote host is not responding",
            "Each of the following recipients was rejected by a remote", "The following recipients did not receive this message",
            "was rejected by a remote mail server",
    };

    @Override
    public String name() {
        return "ezweb";
    }

    /** Recognised by its sender and subject alone: no text literal. */
    private static final Signature SIGNATURE = Signature.inText().orHeader("From", "ezweb.ne.jp");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String from = message.from().toLowerCase(Locale.ROOT);
        return from.contains("ezweb.ne.jp") && message.subject().contains("Mail System Error - Returned Mail");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int end = text.findAny(0, "----------------------------------------------", "Received: ");
        if (end < 0) end = text.size();
        StringBuilder verdict = new StringBuilder();
        Map<String, StringBuilder> said = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < end && said.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (line.isEmpty()) continue;
            String address = recipientOf(line);
            if (address != null) {
                current = address;
                StringBuilder sb = said.computeIfAbsent(address.toLowerCase(Locale.ROOT), k -> new StringBuilder());
                int colon = line.indexOf(">:");
                if (colon > 0) sb.append(line.substring(colon + 2).strip());
                continue;
            }
            if (current != null && (line.startsWith("<<< ") || line.startsWith(">>> "))) {
                if (line.startsWith("<<< ")) {
                    StringBuilder sb = said.get(current.toLowerCase(Locale.ROOT));
                    if (sb.length() > 0) sb.append(' ');
                    sb.append(line.substring(4));
                }
                continue;
            }
            for (String v : VERDICTS) {
                if (line.contains(v)) {
                    if (verdict.length() > 0) verdict.append(' ');
                    verdict.append(line);
                    break;
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        String v = verdict.toString();
        for (Map.Entry<String, StringBuilder> e : said.entrySet()) {
            String reply = e.getValue().toString();
            // The carrier's sentence first: it is au's own reading of the remote answer.
            Finding f = Finding.of(e.getKey(), v.isEmpty() ? reply : reply.isEmpty() ? v : v + " " + reply)
                    .withCommand(ReplyParts.command(reply));
            if (v.contains("Your message was not delivered within")) f = f.withHint(Reason.EXPIRED);
            else if (v.contains("The user(s) account is disabled")) f = f.withHint(Reason.SUSPEND);
            // Refused by au's own server with no SMTP answer given: the recipient's reception
            // filter (指定受信), which au reports this way.
            else if (reply.isEmpty() && v.contains("was rejected by a remote")) f = f.withHint(Reason.FILTERED);
            out.add(f);
        }
        return Finding.toRecipients(out);
    }

    private static String recipientOf(String line) {
        String t = line.startsWith("Recipient: ") ? line.substring(11).strip() : line;
        String whole = AddressScanner.wholeLine(t);
        if (whole != null && t.startsWith("<")) return whole;
        int[] span = RecipientBlocks.leadingAngleAddress(t);
        return span == null ? null : t.substring(span[0], span[1]);
    }
}
