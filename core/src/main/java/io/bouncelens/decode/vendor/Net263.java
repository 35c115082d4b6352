package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 263 enterprise mail (263.net, 263xmail.com): a Chinese notice over Postfix's account of the
 * attempt, {@code <addr>: host mx[ip] said: 550 user not exist (in reply to RCPT TO command)},
 * or labelled lines ({@code 收件人：}, {@code 退信原因：}) for its own refusals such as
 * {@code mail size limit exceeded}.
 */
public final class Net263 implements VendorFormat {

    @Override
    public String name() {
        return "263";
    }

    private static final Signature SIGNATURE = Signature.inText("退信", "退回", "无法投递");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String from = message.from().toLowerCase(Locale.ROOT);
        return (from.contains("263.net") || from.contains("263xmail") || from.contains("263.com")) && MailSystemSender.sent(message)
                && (text.contains("退信") || text.contains("退回") || text.contains("无法投递"));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (!line.startsWith("<")) continue;
            int close = line.indexOf(">:");
            if (close < 0) continue;
            String address = AddressScanner.wholeLine(line.substring(0, close + 1));
            if (address == null) continue;
            StringBuilder said = new StringBuilder(line.substring(close + 2).strip());
            while (i + 1 < text.size() && !text.isBlank(i + 1) && Character.isWhitespace(text.line(i + 1).charAt(0))) {
                said.append(' ').append(text.line(++i).strip());
            }
            out.add(Postfix.finding(address, said.toString()));
        }
        if (out.isEmpty()) out = LabelledReport.read(text);
        return Finding.toRecipients(out);
    }
}
