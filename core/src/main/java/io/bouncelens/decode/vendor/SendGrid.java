package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.DeliveryStatus;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.Headers;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SendGrid's bounce: "This is an automatically generated message from SendGrid.", then one line per
 * recipient, {@code local:id:<addr> : ip : mx:[ip] : 550 ... in RCPT TO} (or
 * {@code local:id:<addr> : Connection timed out in connect}). Its delivery-status part writes
 * {@code Action: expired} when SendGrid stopped retrying.
 */
public final class SendGrid implements VendorFormat {

    @Override
    public String name() {
        return "sendgrid";
    }

    private static final String BANNER = "automatically generated message from SendGrid";
    private static final Signature SIGNATURE = Signature.inText(BANNER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(BANNER);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        Map<String, Finding> out = new LinkedHashMap<>();
        for (int i = 0; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            int open = line.indexOf(":<");
            int close = open < 0 ? -1 : line.indexOf("> : ", open);
            if (close < 0) continue;
            String address = AddressScanner.wholeLine(line.substring(open + 1, close + 1));
            if (address == null) continue;
            String rest = line.substring(close + 4);
            String command = null;
            int in = rest.lastIndexOf(" in ");
            if (in > 0) {
                command = commandOf(rest.substring(in + 4));
                if (command != null) rest = rest.substring(0, in);
            }
            // "ip : mx:[ip] : 550 ..." — the host is the part with brackets, the answer the last part.
            String host = null;
            int lastSep = rest.lastIndexOf(" : ");
            boolean relayed = lastSep >= 0 && ReplyParts.replyCodeIndex(rest.substring(lastSep + 3)) == 0;
            String said = relayed ? rest.substring(lastSep + 3) : rest;
            int bracket = rest.indexOf(":[");
            if (bracket > 0 && relayed) {
                int from = rest.lastIndexOf(' ', bracket);
                host = HostNames.firstToken(rest.substring(from + 1, bracket));
            }
            out.putIfAbsent(address.toLowerCase(Locale.ROOT), Finding.of(address, said.strip()).withCommand(command).withHost(host));
        }
        expiredActions(message.deliveryStatus(), out);
        return Finding.toRecipients(new ArrayList<>(out.values()));
    }

    private static String commandOf(String step) {
        String s = step.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("RCPT")) return "RCPT";
        if (s.startsWith("MAIL")) return "MAIL";
        if (s.startsWith("DATA") || s.startsWith("END OF DATA")) return "DATA";
        if (s.startsWith("CONNECT")) return "CONN";
        if (s.startsWith("EHLO") || s.startsWith("HELO")) return s.substring(0, 4);
        return null;
    }

    /** {@code Action: expired}: SendGrid's own word for giving up after retrying. */
    private static void expiredActions(DeliveryStatus dsn, Map<String, Finding> out) {
        if (dsn == null) return;
        for (Headers g : dsn.perRecipient()) {
            String action = g.first("Action");
            String recipient = AddressScanner.first(g.firstOf("Final-Recipient", "Original-Recipient"));
            if (action == null || recipient == null || !action.strip().equalsIgnoreCase("expired")) continue;
            String key = recipient.toLowerCase(Locale.ROOT);
            Finding f = out.get(key);
            out.put(key, (f != null ? f : Finding.of(recipient, g.first("Diagnostic-Code"))).withHint(Reason.EXPIRED));
        }
    }
}
