package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;
import java.util.Locale;

/**
 * NetEase (163.com, 126.com, yeah.net) and the Coremail systems behind NetEase enterprise mail and
 * many Chinese organisations: the "系统退信" notice with the original's details
 * ({@code 收件人：addr}), {@code 退信原因：} and the remote answer, whose NetEase codes
 * ({@code DT:SPM}, {@code MI:IMF}, ...) the classifier reads.
 */
public final class NetEase implements VendorFormat {

    @Override
    public String name() {
        return "netease";
    }

    private static final Signature SIGNATURE = Signature.inText("退信");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String from = message.from().toLowerCase(Locale.ROOT);
        String subject = message.subject();
        String mailer = message.header("X-Mailer");
        boolean netease = from.contains("163.com") || from.contains("126.com") || from.contains("yeah.net")
                || from.contains("netease") || (mailer != null && mailer.toLowerCase(Locale.ROOT).contains("coremail"));
        // 163.com and Coremail's X-Mailer are also every user's: only the mail system's account sends notices.
        return (netease || subject.contains("系统退信")) && MailSystemSender.sent(message) && text.contains("退信");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(LabelledReport.read(ReportText.of(message.text())));
    }
}
