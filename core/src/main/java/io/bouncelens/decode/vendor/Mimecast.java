package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Mimecast's "[Postmaster] Email Delivery Failure": the address after "could not be delivered:" as a
 * {@code -- addr} line, Mimecast's reading after "The problem appears to be :" and the remote
 * server's answer after "Additional information follows :".
 */
public final class Mimecast implements VendorFormat {

    private static final String PROBLEM = "The problem appears to be :";
    private static final String MORE = "Additional information follows :";

    @Override
    public String name() {
        return "mimecast";
    }

    private static final Signature SIGNATURE = Signature.inText(PROBLEM, "-- ");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(PROBLEM) && text.contains("-- ");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int problem = text.find(PROBLEM);
        int more = text.find(MORE, Math.max(0, problem));
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < problem && recipients.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (!line.startsWith("-- ")) continue;
            String address = AddressScanner.wholeLine(line.substring(3));
            if (address != null) recipients.add(address);
        }
        String reading = dashed(text, problem + 1);
        String answer = more >= 0 ? dashed(text, more + 1) : "";
        String said = answer.isEmpty() ? reading : answer + " (" + reading + ")";
        List<Finding> out = new ArrayList<>();
        for (String r : recipients) out.add(Finding.ofBlock(r, said));
        return Finding.toRecipients(out);
    }

    /** The {@code -- text} lines from {@code from} until a line that is not one. */
    private static String dashed(ReportText text, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < text.size(); i++) {
            String line = text.line(i).strip();
            if (line.isEmpty() && sb.length() == 0) continue;
            if (!line.startsWith("-- ")) break;
            if (sb.length() > 0) sb.append(' ');
            sb.append(line.substring(3).strip());
        }
        return sb.toString();
    }
}
