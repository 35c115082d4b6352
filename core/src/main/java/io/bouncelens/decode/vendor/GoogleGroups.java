package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Google Groups' refusal of a post, written in the poster's language ("the group you tried to contact
 * may not exist, or you may not have permission to post"). The group's address is only in
 * {@code X-Failed-Recipients}; the notice itself means the group rejected the post.
 */
public final class GoogleGroups implements VendorFormat {

    @Override
    public String name() {
        return "googlegroups";
    }

    private static final Signature SIGNATURE = Signature.inText("groups.google.com", "Google Groups");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    /**
     * A group at googlegroups.com, or a Google Workspace group at its organisation's own domain,
     * which only the notice's words and Google's mailer tell apart from any address.
     */
    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String failed = message.header("X-Failed-Recipients");
        if (failed == null) return false;
        if (failed.contains("googlegroups.com")) return text.contains("groups.google.com") || text.contains("Google Groups");
        return text.contains("groups.google.com") && text.contains("Google Groups")
                && message.from().toLowerCase(java.util.Locale.ROOT).contains("@google");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int end = text.findAny(0, "----- Original message -----", "Google Groups");
        String said = text.join(0, end < 0 ? Math.min(text.size(), 8) : end);
        List<Finding> out = new ArrayList<>();
        String failed = message.header("X-Failed-Recipients");
        int from = 0;
        while (out.size() < RecipientBlocks.MAX_RECIPIENTS) {
            String r = AddressScanner.firstFrom(failed, from);
            if (r == null) break;
            out.add(Finding.of(r, said).withHint(Reason.REJECTED));
            from = failed.indexOf(r, from) + r.length();
        }
        return Finding.toRecipients(out);
    }
}
