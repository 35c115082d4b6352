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

    @Override
    public boolean recognises(ParsedMessage message) {
        String from = message.from().toLowerCase(Locale.ROOT);
        boolean alibaba = from.contains("aliyun") || from.contains("mxhichina") || from.contains("alibaba")
                || from.contains("alimail");
        String text = message.text();
        boolean relaySentence = text.contains("the mta server of") && text.contains(" reply:");
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
