package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * Postmark's webhooks, told apart by {@code RecordType}: {@code Bounce} (its {@code Type}, such as
 * HardBounce, SoftBounce or DnsError, and in {@code Details} the server's reply),
 * {@code SpamComplaint} and {@code Delivery}. Postmark's {@code MessageID} is its own id, not the
 * message's Message-ID, and is not reported as one.
 */
final class PostmarkEvent implements EspFormat {

    static final String FORMAT = "postmark-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("RecordType") && (event.containsKey("Email") || event.containsKey("Recipient"));
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String record = Json.text(event, "RecordType");
        if (record == null) return null;
        String addresser = Json.text(event, "From");
        String subject = Json.text(event, "Subject");
        return switch (record) {
            case "Bounce" -> bounce(event, addresser, subject);
            case "SpamComplaint" -> one(MessageKind.FEEDBACK, FailedRecipient.builder().recipient(Json.text(event, "Email"))
                    .action("failed").reasonHint(Reason.FEEDBACK).feedbackType("abuse"), addresser, subject,
                    Json.text(event, "BouncedAt"));
            case "Delivery" -> one(MessageKind.DELIVERED, FailedRecipient.builder().recipient(Json.text(event, "Recipient"))
                    .action("delivered").diagnosticCode(Json.text(event, "Details")), addresser, subject,
                    Json.text(event, "DeliveredAt"));
            default -> null; // Open, Click, SubscriptionChange
        };
    }

    private static DecodedReport bounce(Map<String, Object> event, String addresser, String subject) {
        String type = Json.text(event, "Type");
        if (type == null) type = "";
        // Postmark's Details is the reply when it has one; else its Description of the type
        String details = Json.text(event, "Details");
        String reply = details != null ? details : Json.text(event, "Description");
        Reason hint = switch (type) {
            case "HardBounce" -> null; // the reply decides which permanent failure
            case "DnsError" -> Reason.HOSTUNKNOWN;
            case "BadEmailAddress" -> Reason.SYNTAXERROR;
            case "AutoResponder" -> Reason.VACATION;
            case "SpamNotification", "ContentRelated" -> Reason.SPAMDETECTED;
            case "VirusNotification" -> Reason.VIRUSDETECTED;
            case "ManuallyDeactivated", "Unsubscribe" -> Reason.SUPPRESSED;
            case "Blocked", "ISPBlock" -> Reason.BLOCKED;
            case "DMARCPolicy" -> Reason.POLICYVIOLATION;
            case "ChallengeVerification" -> Reason.ONHOLD;
            default -> null; // Transient, SoftBounce, Unknown, ...
        };
        String action = type.equals("Transient") || type.equals("SoftBounce") ? "delayed"
                : hint == Reason.VACATION ? "vacation" : "failed";
        MessageKind kind = hint == Reason.VACATION ? MessageKind.VACATION : MessageKind.BOUNCE;
        return one(kind, EventReports.recipient(Json.text(event, "Email"), action, null, reply).reasonHint(hint), addresser,
                subject, Json.text(event, "BouncedAt"));
    }

    private static DecodedReport one(MessageKind kind, FailedRecipient.Builder recipient, String addresser, String subject,
                                     String time) {
        FailedRecipient r = recipient.build();
        if (r.recipient() == null) return null;
        return EventReports.report(kind, FORMAT, List.of(r), addresser, null, subject, time);
    }
}
