package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * An MTA of Japanese ISPs that writes "---The following addresses had delivery errors---" and one
 * line per address with the reason in brackets: {@code addr [User unknown]}.
 */
public final class X1 implements VendorFormat {

    private static final String START = "---The following addresses had delivery errors---";

    @Override
    public String name() {
        return "x1";
    }

    private static final Signature SIGNATURE = Signature.inText(START);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(START);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        List<Finding> out = new ArrayList<>();
        for (int i = text.find(START) + 1; i > 0 && i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (line.isEmpty()) {
                if (out.isEmpty()) continue;
                break;
            }
            int open = line.indexOf(" [");
            String address = AddressScanner.wholeLine(open > 0 ? line.substring(0, open) : line);
            if (address == null) continue;
            String said = open > 0 && line.endsWith("]") ? line.substring(open + 2, line.length() - 1) : "";
            out.add(Finding.of(address, said));
        }
        return Finding.toRecipients(out);
    }
}
