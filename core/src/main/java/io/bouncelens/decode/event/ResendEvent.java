package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.Addresses;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resend's webhooks: {@code {"type":"email.bounced","created_at":...,"data":{...}}}, the
 * recipients in {@code data.to}. {@code email.bounced} carries a {@code bounce} object: its
 * {@code type} (Permanent, Transient, Undetermined), its {@code subType} (Resend sends through
 * Amazon SES and names SES's sub-types: Suppressed, MailboxFull, MessageTooLarge, ...), the
 * receiving server's replies in {@code diagnosticCode} and a sentence in {@code message}.
 * {@code email.delivery_delayed}, {@code email.complained} and {@code email.delivered} carry
 * nothing more; {@code email.failed} (Resend did not send: a quota, a key, a domain not verified)
 * its {@code failed.reason}; {@code email.suppressed} (an address on Resend's list) its
 * {@code suppressed.message}. {@code data.message_id} is the message's Message-ID, {@code email_id}
 * Resend's own. An event is Resend's by its {@code email.} type beside a {@code data} object
 * holding {@code email_id}: no other service here writes a lower-case {@code type} with a
 * {@code data} object.
 */
final class ResendEvent implements EspFormat {

    static final String FORMAT = "resend-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        String type = Json.text(event, "type");
        Map<String, Object> data = Json.object(event, "data");
        return type != null && type.startsWith("email.") && data != null && data.containsKey("email_id");
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String type = Json.text(event, "type");
        Map<String, Object> data = Json.object(event, "data");
        if (type == null || data == null) return null;
        MessageKind kind = switch (type) {
            case "email.complained" -> MessageKind.FEEDBACK;
            case "email.delivered" -> MessageKind.DELIVERED;
            case "email.bounced", "email.delivery_delayed", "email.failed", "email.suppressed" -> MessageKind.BOUNCE;
            default -> null; // sent, scheduled, opened, clicked, received; contact and domain events
        };
        if (kind == null) return null;
        List<FailedRecipient> out = new ArrayList<>();
        for (Object to : Json.list(data, "to")) {
            if (!(to instanceof String address) || address.isBlank()) continue;
            FailedRecipient.Builder r = switch (type) {
                case "email.bounced" -> bounce(address.strip(), Json.object(data, "bounce"));
                case "email.delivery_delayed" -> FailedRecipient.builder().recipient(address.strip()).action("delayed");
                case "email.complained" -> FailedRecipient.builder().recipient(address.strip()).action("failed")
                        .reasonHint(Reason.FEEDBACK).feedbackType("abuse");
                case "email.failed" -> FailedRecipient.builder().recipient(address.strip()).action("failed")
                        .diagnosticCode(notSent(Json.text(Json.object(data, "failed"), "reason")));
                case "email.suppressed" -> FailedRecipient.builder().recipient(address.strip()).action("failed")
                        .diagnosticCode(suppressedText(Json.object(data, "suppressed"))).reasonHint(Reason.SUPPRESSED);
                default -> FailedRecipient.builder().recipient(address.strip()).action("delivered");
            };
            out.add(r.build());
        }
        return EventReports.report(kind, FORMAT, out, Addresses.first(Json.text(data, "from")),
                Json.text(data, "message_id"), Json.text(data, "subject"), Json.time(event, "created_at"));
    }

    private static FailedRecipient.Builder bounce(String address, Map<String, Object> bounce) {
        String type = Json.text(bounce, "type");
        // diagnosticCode is the server's reply; message is Resend's sentence when there is none
        String reply = Json.firstText(bounce, "diagnosticCode");
        if (reply == null) reply = Json.text(bounce, "message");
        boolean temporary = "Transient".equalsIgnoreCase(type) || "Temporary".equalsIgnoreCase(type);
        return EventReports.recipient(address, temporary ? "delayed" : "failed", null, reply)
                .reasonHint(subTypeHint(Json.text(bounce, "subType")));
    }

    /**
     * Resend's documented sub-types that name one reason. NoEmail is not among them: Resend
     * says it means the bounce did not name the address, not that the address does not exist.
     */
    private static Reason subTypeHint(String subType) {
        if (subType == null) return null;
        return switch (subType) {
            case "Suppressed", "OnAccountSuppressionList" -> Reason.SUPPRESSED;
            case "MailboxFull" -> Reason.MAILBOXFULL;
            case "MessageTooLarge" -> Reason.EMAILTOOLARGE;
            case "ContentRejected" -> Reason.CONTENTERROR;
            case "AttachmentRejected" -> Reason.SECURITYERROR;
            default -> null; // General, NoEmail, Undetermined, MessageRejected: the reply decides
        };
    }

    private static String notSent(String reason) {
        return reason == null ? "Resend did not send the message" : "Resend did not send the message: " + reason;
    }

    private static String suppressedText(Map<String, Object> suppressed) {
        String message = Json.text(suppressed, "message");
        return message != null ? message : "Resend did not send the message: the address is on its suppression list";
    }
}
