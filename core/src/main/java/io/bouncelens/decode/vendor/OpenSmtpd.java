package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenSMTPD's MAILER-DAEMON notice: "An error has occurred while attempting to deliver a message for
 * the following list of recipients:", then {@code addr: reason} lines, up to "Below is a copy of the
 * original message:". "Envelope expired" is OpenSMTPD giving up after its queue lifetime.
 */
public final class OpenSmtpd implements VendorFormat {

    private static final String START = "list of recipients:";
    private static final String END = "Below is a copy of the original message";

    @Override
    public String name() {
        return "opensmtpd";
    }

    private static final String BANNER = "This is the MAILER-DAEMON, please DO NOT REPLY";
    private static final Signature SIGNATURE = Signature.inText(BANNER, START);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(BANNER) && text.contains(START);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(START);
        int end = text.find(END, start + 1);
        if (end < 0) end = text.size();
        boolean delayed = text.contains("message is delayed") || text.contains("only a temporary failure");
        List<Finding> out = new ArrayList<>();
        for (int i = start + 1; i < end && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            int colon = line.indexOf(": ");
            if (colon <= 0) continue;
            String address = AddressScanner.wholeLine(line.substring(0, colon));
            if (address == null) continue;
            StringBuilder said = new StringBuilder(line.substring(colon + 2).strip());
            // A long reason continues on the following lines, until the next address or a blank line.
            while (i + 1 < end && !text.isBlank(i + 1) && !startsWithAddress(text.line(i + 1))) {
                said.append(' ').append(text.line(++i).strip());
            }
            Finding f = Finding.ofBlock(address, said.toString());
            if (said.indexOf("Envelope expired") >= 0) f = f.withHint(Reason.EXPIRED);
            out.add(delayed ? f.delayed() : f);
        }
        return Finding.toRecipients(out);
    }

    private static boolean startsWithAddress(String line) {
        String t = line.strip();
        int colon = t.indexOf(": ");
        return colon > 0 && AddressScanner.wholeLine(t.substring(0, colon)) != null;
    }
}
