package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * Exim's "Mail delivery failed: returning message to sender" and its delay warnings, and the
 * providers that send Exim's layout under their own name (mail.ru with a Russian preface, GMX and
 * 1&amp;1 with "host: ..." lines, MXLogic with {@code <addr>: reply} lines). Exim's words for
 * giving up after retrying ("retry timeout exceeded") mean the message expired.
 */
public final class Exim implements VendorFormat {

    @Override
    public String name() {
        return "exim";
    }

    @Override
    public boolean recognises(ParsedMessage message) {
        String text = message.text();
        if (message.header("X-Failed-Recipients") != null && text.contains("mail delivery software")) return true;
        return text.contains("This message was created automatically by mail delivery software")
                || text.contains("This message was created automatically by the SMTP relay");
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(EximText.read(ReportText.of(message.text())));
    }
}
