package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * SendGrid's Event Webhook: a JSON array of events, one recipient each. {@code bounce} (its
 * {@code type} {@code bounce} or {@code blocked}, its {@code reason} the server's reply),
 * {@code dropped} (SendGrid sent nothing: the address is on one of its suppression lists, or is
 * invalid), {@code deferred}, {@code spamreport} and {@code delivered}; the others (processed,
 * open, click, unsubscribe) say nothing of delivery.
 */
final class SendGridEvent implements EspFormat {

    static final String FORMAT = "sendgrid-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("event") && event.containsKey("email")
                && (event.containsKey("sg_event_id") || event.containsKey("sg_message_id") || event.containsKey("smtp-id"));
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String kind = Json.text(event, "event");
        String address = Json.text(event, "email");
        if (kind == null || address == null) return null;
        String time = Json.time(event, "timestamp");
        String messageId = Json.text(event, "smtp-id");
        FailedRecipient r = switch (kind) {
            case "bounce" -> EventReports.recipient(address, "failed", Json.text(event, "status"), Json.text(event, "reason"))
                    .reasonHint(classificationHint(Json.text(event, "bounce_classification"))).build();
            case "dropped" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(droppedText(Json.text(event, "reason")))
                    .reasonHint(droppedHint(Json.text(event, "reason"))).build();
            case "deferred" -> EventReports.recipient(address, "delayed", null, Json.text(event, "response")).build();
            case "spamreport" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "delivered" -> FailedRecipient.builder().recipient(address).action("delivered")
                    .diagnosticCode(Json.text(event, "response")).build();
            default -> null;
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("spamreport") ? MessageKind.FEEDBACK
                : kind.equals("delivered") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        return EventReports.report(messageKind, FORMAT, List.of(r), null, messageId, null, time);
    }

    /** SendGrid's bounce classification, where it is specific; the reply decides the rest. */
    private static Reason classificationHint(String classification) {
        if (classification == null) return null;
        return switch (classification) {
            case "Invalid Address" -> Reason.USERUNKNOWN;
            case "Frequency or Volume Too High" -> Reason.RATELIMITED;
            case "Reputation" -> Reason.BADREPUTATION;
            case "Content" -> Reason.SPAMDETECTED;
            default -> null; // Mailbox Unavailable, Technical Failure, Unclassified
        };
    }

    /** Why SendGrid dropped a message before sending it: its own lists, mostly. */
    private static Reason droppedHint(String reason) {
        if (reason == null) return Reason.SUPPRESSED;
        return switch (reason) {
            case "Invalid", "Invalid SMTPAPI header" -> Reason.SYNTAXERROR;
            case "Spam Content (if spam checker app enabled)", "Spam Content" -> Reason.SPAMDETECTED;
            default -> Reason.SUPPRESSED; // Bounced Address, Unsubscribed Address, Spam Reporting Address, ...
        };
    }

    private static String droppedText(String reason) {
        return reason == null ? "SendGrid dropped the message" : "SendGrid dropped the message: " + reason;
    }
}
