package io.bouncelens.decode.vendor;

import io.bouncelens.decode.BounceSigns;
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

    private static final String SOFTWARE = "mail delivery software";
    private static final String CREATED = "This message was created automatically by mail delivery software";
    private static final String RELAY = "This message was created automatically by the SMTP relay";
    /** Exim's transport writes this in English whatever language a site gave the bounce's text. */
    private static final String SMTP_ERROR = "SMTP error from remote mail server after";
    /** Exim's notice on recipient addresses it could not parse (the message went to the others). */
    private static final String MALFORMED = "incorrectly constructed";
    private static final Signature SIGNATURE = Signature.inText(SOFTWARE, CREATED, RELAY, SMTP_ERROR, MALFORMED);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        if (message.header("X-Failed-Recipients") != null && text.contains(SOFTWARE)) return true;
        if (text.contains(MALFORMED) && BounceSigns.fromMailSystem(message)) return true;
        return text.contains(CREATED) || text.contains(RELAY) || text.contains(SMTP_ERROR);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        return Finding.toRecipients(EximText.read(ReportText.of(message.text()), message.header("X-Failed-Recipients")));
    }
}
