package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.Addresses;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;
import java.util.Locale;

/**
 * GNU Mailman's refusal of a post, sent from the list's {@code -owner} (or {@code -bounces})
 * address, titled with the post's own subject and with no bounce sign of its own:
 * <ul>
 * <li>Mailman 3: "Your message to the Dev mailing-list was rejected for the following reasons:"
 * and the reasons, one per paragraph ("The message is not from a list member");</li>
 * <li>Mailman 2: "You are not allowed to post to this mailing list, and your message has been
 * automatically rejected", or a moderator's "has been rejected by the list moderator".</li>
 * </ul>
 * The address that refused is the list's: the sender's local part without its suffix. The list's
 * own rules refused the post, so the format says {@code policyviolation} where the knowledge base
 * does not name the rule better (members only, a moderator's decision). A notice that the post is
 * held for the moderator is no refusal and is not read here.
 */
public final class Mailman implements VendorFormat {

    private static final String[] REFUSALS = {"mailing-list was rejected for the following",
            "You are not allowed to post to this mailing list", "has been rejected by the list moderator"};
    private static final String[] SUFFIXES = {"-owner@", "-bounces@"};
    private static final Signature SIGNATURE = Signature.inText(REFUSALS);

    @Override
    public String name() {
        return "mailman";
    }

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        if (listAddress(message) == null) return false;
        for (String r : REFUSALS) if (text.contains(r)) return true;
        return false;
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        String list = listAddress(message);
        if (list == null) return List.of();
        ReportText text = ReportText.of(message.text());
        int start = text.findAny(0, REFUSALS);
        if (start < 0) return List.of();
        // the refusal and its reasons, down to the line about the attached original
        int end = text.find("original message as received", start + 1);
        String said = text.join(start, end < 0 ? Math.min(text.size(), start + 8) : end);
        return List.of(Finding.of(list, said).withHint(Reason.POLICYVIOLATION).toRecipient());
    }

    /** The list's address from its {@code -owner@} / {@code -bounces@} sender; null for any other sender. */
    private static String listAddress(ParsedMessage message) {
        String from = Addresses.first(message.from());
        if (from == null) return null;
        String lower = from.toLowerCase(Locale.ROOT);
        for (String suffix : SUFFIXES) {
            int at = lower.indexOf(suffix);
            if (at > 0) return lower.substring(0, at) + lower.substring(at + suffix.length() - 1);
        }
        return null;
    }
}
