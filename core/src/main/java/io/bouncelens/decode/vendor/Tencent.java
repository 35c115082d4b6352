package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;
import java.util.Locale;

/**
 * Tencent QQ Mail and Tencent Exmail (腾讯企业邮) notices: "很抱歉您发送的邮件被退回" with the
 * returned message's details ({@code 收件人：addr}) and the reason, typically
 * {@code 您的邮件无法发送到 addr ... 对方服务器返回：550 Mailbox not found} with a help link to
 * service.mail.qq.com.
 */
public final class Tencent implements VendorFormat {

    @Override
    public String name() {
        return "tencent";
    }

    private static final Signature SIGNATURE = Signature.inText("退回", "无法发送", "退信");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String from = message.from().toLowerCase(Locale.ROOT);
        boolean tencent = from.contains("@qq.com") || from.contains("exmail.qq.com") || from.contains("foxmail.com")
                || from.contains("tencent");
        // qq.com is also every QQ user's domain: only its mail system's account sends notices.
        return tencent && MailSystemSender.sent(message)
                && (text.contains("退回") || text.contains("无法发送") || text.contains("退信"));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(LabelledReport.read(ReportText.of(message.text())));
    }
}
