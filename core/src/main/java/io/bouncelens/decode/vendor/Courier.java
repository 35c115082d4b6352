package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Courier mail server's delivery status notification: "Your message to the following
 * recipients cannot be delivered:", then per recipient {@code <addr>:}, the remote host, and the
 * SMTP dialogue ({@code >>> DATA} / {@code <<< 550 ...}), between lines of dashes.
 */
public final class Courier implements VendorFormat {

    private static final String START = "recipients cannot be delivered:";
    private static final String DELAYED = "recipients has been delayed";

    @Override
    public String name() {
        return "courier";
    }

    private static final String BANNER = "running the Courier mail server";
    private static final Signature SIGNATURE = Signature.inText(BANNER, START, "<<< ");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(BANNER) || (text.contains(START) && text.contains("<<< "));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.findAny(0, START, DELAYED);
        if (start < 0) return List.of();
        boolean delayed = text.line(start).contains("delayed");
        int end = text.find("-----------------", start + 1);
        if (end < 0) end = text.size();
        List<Finding> out = new ArrayList<>();
        for (RecipientBlocks.Block block : RecipientBlocks.read(text, start + 1, end)) {
            String host = null;
            String command = null;
            StringBuilder reply = new StringBuilder();
            StringBuilder other = new StringBuilder();
            for (int i = block.firstLine(); i < block.endLine(); i++) {
                String line = text.line(i).strip();
                if (line.isEmpty()) continue;
                if (line.startsWith(">>> ")) {
                    command = verb(line.substring(4));
                } else if (line.startsWith("<<< ")) {
                    if (reply.length() > 0) reply.append(' ');
                    reply.append(line.substring(4).strip());
                } else if (host == null && line.endsWith(":") && line.indexOf('[') > 0) {
                    host = HostNames.firstToken(line);
                } else {
                    if (other.length() > 0) other.append(' ');
                    other.append(line);
                }
            }
            String said = reply.length() > 0 ? reply.toString() : other.toString();
            Finding f = Finding.of(block.recipient(), said).withCommand(command).withHost(host);
            out.add(delayed ? f.delayed() : f);
        }
        return Finding.toRecipients(out);
    }

    private static String verb(String sent) {
        String w = sent.strip().toUpperCase(Locale.ROOT);
        if (w.startsWith("RCPT")) return "RCPT";
        if (w.startsWith("MAIL")) return "MAIL";
        if (w.startsWith("DATA")) return "DATA";
        if (w.startsWith("EHLO") || w.startsWith("HELO")) return w.substring(0, 4);
        return null;
    }
}
