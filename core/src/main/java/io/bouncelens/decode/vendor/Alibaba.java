package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;
import java.util.Locale;

/**
 * Alibaba Mail (阿里邮箱, enterprise mail on mxhichina.com, aliyun.com): a bilingual notice from
 * its MAILER-DAEMON with the failed address and the reason, where a remote refusal is relayed as
 * {@code the mta server of mx.example.net(192.0.2.1) reply: 550 ...} (sometimes prefixed with an
 * internal tag such as {@code inv28:}) and Alibaba's own refusals read e.g.
 * {@code spamed by local spam engine}.
 */
public final class Alibaba implements VendorFormat {

    @Override
    public String name() {
        return "alibaba";
    }

    /** Its senders' domains; its sender alone is no bounce (Alibaba also sends newsletters and invoices). */
    private static final String[] SENDERS = {"aliyun", "mxhichina", "alibaba", "alimail"};
    private static final String RELAY = "the mta server of";

    private static final Signature SIGNATURE = Signature.inText(RELAY, " reply:", "退信", "未能投递", "无法投递",
            "could not be delivered").orHeader("From", SENDERS);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String from = message.from().toLowerCase(Locale.ROOT);
        boolean alibaba = false;
        for (String s : SENDERS) alibaba |= from.contains(s);
        boolean relaySentence = text.contains(RELAY) && text.contains(" reply:");
        // Alibaba also sends ordinary mail (newsletters, invoices): its sender alone is no bounce.
        boolean notice = relaySentence || text.contains("退信") || text.contains("未能投递") || text.contains("无法投递")
                || text.contains("could not be delivered") || from.contains("mailer-daemon");
        // Without its sender, only a notice of its own (no RFC 3464 part) is taken for Alibaba's.
        return alibaba ? notice : message.deliveryStatus() == null && relaySentence;
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(LabelledReport.read(ReportText.of(message.text())));
    }
}
