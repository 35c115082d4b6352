package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * A Chinese mail system's notice that no provider's own class knows (China Mobile's 139 Mail,
 * 189, 21cn, Sina, Sohu and the hosted systems they run on), written in the same labelled layout
 * as the big providers' ({@code 收件人：addr}, {@code 退信原因：...}, {@code 服务器返回：550 ...}),
 * from a mail system's account. Last in the registry: a provider's class, or an MTA family whose
 * own sentences the notice carries, reads it first.
 */
public final class ChineseNotice implements VendorFormat {

    @Override
    public String name() {
        return "chinese-notice";
    }

    private static final Signature SIGNATURE = Signature.inText("退信原因", "失败原因", "失敗原因", "错误原因", "錯誤原因");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return MailSystemSender.sent(message) && (text.contains("退信原因") || text.contains("失败原因")
                || text.contains("失敗原因") || text.contains("错误原因") || text.contains("錯誤原因"));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(LabelledReport.read(ReportText.of(message.text())));
    }
}
