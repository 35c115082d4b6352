package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * AOL's own "Mail Delivery Problem" notice for mail its members refuse by their settings: "Your
 * mail to the following recipients could not be delivered because they are not accepting mail
 * from x@y:" and, indented below, each member by screen name (an AOL screen name is the local
 * part of an address at aol.com) or by address.
 */
public final class Aol implements VendorFormat {

    private static final String NOTICE = "Your mail to the following recipients could not be delivered because";
    private static final String SCREEN_NAME_DOMAIN = "@aol.com";
    private static final Signature SIGNATURE = Signature.inText(NOTICE);

    @Override
    public String name() {
        return "aol";
    }

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(NOTICE);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(NOTICE);
        if (start < 0) return List.of();
        // the sentence runs on (wrapped) up to the colon that introduces the list
        int listStart = start;
        while (listStart < text.size() && listStart < start + 5 && !text.line(listStart).strip().endsWith(":")) listStart++;
        if (listStart >= text.size() || !text.line(listStart).strip().endsWith(":")) return List.of();
        String sentence = text.join(start, listStart + 1);
        int because = ReportText.indexOfIgnoreCase(sentence, "because");
        String reason = sentence.substring(because < 0 ? 0 : because).strip();
        if (reason.endsWith(":")) reason = reason.substring(0, reason.length() - 1);
        String diagnostic = "Your mail could not be delivered " + reason;
        List<Finding> out = new ArrayList<>();
        for (int i = listStart + 1; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String entry = text.line(i).strip();
            if (entry.isEmpty()) break;
            String recipient = recipient(entry);
            if (recipient != null) out.add(Finding.of(recipient, diagnostic));
        }
        return Finding.toRecipients(out);
    }

    /** An address as it stands, or a screen name (letters, digits, '.', '_', '-'; at most 32) at aol.com, else null. */
    private static String recipient(String entry) {
        if (entry.indexOf('@') >= 0) return AddressScanner.wholeLine(entry);
        if (entry.length() > 32) return null;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return null;
            }
        }
        return entry + SCREEN_NAME_DOMAIN;
    }
}
