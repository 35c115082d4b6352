package io.bouncelens.decode;

import io.bouncelens.decode.vendor.TextHits;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds RFC 3464 fields pasted into plain text ("Final-Recipient: rfc822; ..."), as MTAs write
 * them when the report lost its MIME structure or never had one.
 */
public final class InlineDeliveryStatus {

    private InlineDeliveryStatus() {
    }

    /**
     * What every recipient field's name ends with, as reports write it (Final-Recipient,
     * Original-recipient, FINAL-RECIPIENT): found in the decoder's one pass over the text, so a
     * text without them is not searched again.
     */
    public static final List<String> SIGNS = List.of("-Recipient:", "-recipient:", "-RECIPIENT:");

    /** Whether the text has one of the {@link #SIGNS}. */
    public static boolean mayHold(TextHits hits) {
        for (String sign : SIGNS) if (hits.contains(sign)) return true;
        return false;
    }

    /** The fields found in the report's own text (above the returned copy), or null when there are none. */
    public static DeliveryStatus find(String text, int maxFields, int maxRecipients) {
        // most texts have no such field: one search decides it (Final-/Original-Recipient, any case)
        if (text.indexOf("ecipient:") < 0 && text.indexOf("ECIPIENT:") < 0) return null;
        String report = ReturnedMessage.reportPart(text);
        int start = lineStartingWith(report, "Reporting-MTA:");
        int recipient = lineStartingWith(report, "Final-Recipient:");
        if (recipient < 0) recipient = lineStartingWith(report, "Original-Recipient:");
        if (recipient < 0) return null;
        if (start < 0 || start > recipient) start = recipient;
        DeliveryStatus parsed = null;
        Headers perMessage = Headers.EMPTY;
        List<Headers> groups = DsnGroups.separated(HeaderBlock.groups(report.substring(start), maxFields, maxRecipients + 1));
        List<Headers> recipients = new ArrayList<>();
        for (Headers g : groups) {
            if (g.has("Final-Recipient") || g.has("Original-Recipient")) recipients.add(g);
            else if (recipients.isEmpty() && perMessage.isEmpty()) perMessage = g;
            else break; // the fields end where the next paragraph is not theirs
        }
        if (!recipients.isEmpty()) parsed = new DeliveryStatus(perMessage, recipients, false);
        return parsed;
    }

    private static int lineStartingWith(String text, String prefix) {
        int pos = 0;
        while (pos < text.length()) {
            if (text.regionMatches(true, pos, prefix, 0, prefix.length())) return pos;
            int eol = text.indexOf('\n', pos);
            if (eol < 0) return -1;
            pos = eol + 1;
        }
        return -1;
    }
}
