package io.bouncelens.decode;

import java.util.List;

/**
 * One message decoded, before classification.
 *
 * @param kind       what the message is
 * @param decodedBy  which format read it ({@code rfc3464}, {@code rfc3464+postfix}, {@code arf}, a vendor name, {@code text})
 * @param recipients what it says about each recipient; empty for {@link MessageKind#NOT_BOUNCE}
 * @param addresser  the original sender, or null
 * @param messageId  Message-ID of the original message, or null
 * @param subject    Subject of the original message (of the report itself when the original is missing)
 * @param timestamp  the report's Date header, or null
 * @param truncated  a limit cut the message
 * @param problems   one-line descriptions of what could not be read
 */
public record DecodedReport(MessageKind kind, String decodedBy, List<FailedRecipient> recipients,
                            String addresser, String messageId, String subject, String timestamp,
                            boolean truncated, List<String> problems) {

    public DecodedReport {
        recipients = List.copyOf(recipients);
        problems = List.copyOf(problems);
    }
}
