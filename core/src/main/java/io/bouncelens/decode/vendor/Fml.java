package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * The fml mailing-list manager's notices, all marked {@code X-MLServer: fml}:
 * <ul>
 * <li>a post refused from a non-member, "You are not a member of this mailing list
 * &lt;list@...&gt;": the list is the address that refused, and the post was rejected;</li>
 * <li>a post dropped as a mail loop, titled "Loop Alert:" or "Loop Back Warning:" (a Message-ID
 * it has seen before, its own address in the path): the list's own processing dropped it, a
 * system error; the address is the one its first line names ("Duplicated Message-ID in
 * &lt;list@...&gt;.").</li>
 * </ul>
 */
public final class Fml implements VendorFormat {

    private static final String NOT_MEMBER = "You are not a member of this mailing list";
    private static final String[] LOOP_TITLES = {"Loop Alert:", "Loop Back Warning:"};

    @Override
    public String name() {
        return "fml";
    }

    private static final Signature SIGNATURE = Signature.inText(NOT_MEMBER).orHeader("X-MLServer", "fml");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String server = message.header("X-MLServer");
        if (server == null || !server.contains("fml")) return false;
        return text.contains(NOT_MEMBER) || loopAlert(message);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        if (loopAlert(message)) {
            int first = 0;
            while (first < text.size() && text.isBlank(first)) first++;
            if (first >= text.size()) return List.of();
            String line = text.line(first);
            String address = AddressScanner.first(line);
            if (address == null) return List.of();
            return List.of(Finding.of(address, line.strip()).withHint(Reason.SYSTEMERROR).toRecipient());
        }
        int at = text.find(NOT_MEMBER);
        String list = at < 0 ? null : AddressScanner.first(text.line(at));
        if (list == null) return List.of();
        return List.of(Finding.of(list, text.line(at).strip()).withHint(Reason.REJECTED).toRecipient());
    }

    private static boolean loopAlert(ParsedMessage message) {
        String subject = message.header("Subject");
        if (subject == null) return false;
        String s = subject.strip();
        for (String title : LOOP_TITLES) if (s.regionMatches(true, 0, title, 0, title.length())) return true;
        return false;
    }
}
