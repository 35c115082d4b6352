package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * The fml mailing-list manager refusing a post from a non-member: "You are not a member of this
 * mailing list &lt;list@...&gt;." The list is the address that refused; the format itself means
 * the post was rejected.
 */
public final class Fml implements VendorFormat {

    private static final String NOT_MEMBER = "You are not a member of this mailing list";

    @Override
    public String name() {
        return "fml";
    }

    private static final Signature SIGNATURE = Signature.inText(NOT_MEMBER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String server = message.header("X-MLServer");
        return server != null && server.contains("fml") && text.contains(NOT_MEMBER);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int at = text.find(NOT_MEMBER);
        String list = at < 0 ? null : AddressScanner.first(text.line(at));
        if (list == null) return List.of();
        return List.of(Finding.of(list, text.line(at).strip()).withHint(Reason.REJECTED).toRecipient());
    }
}
