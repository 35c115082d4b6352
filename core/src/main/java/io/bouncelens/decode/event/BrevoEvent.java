package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * Brevo's (formerly Sendinblue) transactional webhooks: {@code hard_bounce} and
 * {@code soft_bounce} with the server's answer in {@code reason}, {@code deferred}, {@code blocked}
 * (the address is on Brevo's block list: nothing was sent), {@code invalid_email}, {@code spam}
 * (a complaint) and {@code delivered}. Its {@code message-id} is the message's Message-ID.
 */
final class BrevoEvent implements EspFormat {

    static final String FORMAT = "brevo-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("event") && event.containsKey("email")
                && (event.containsKey("message-id") || event.containsKey("ts_event") || event.containsKey("sending_ip"));
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String kind = Json.text(event, "event");
        String address = Json.text(event, "email");
        if (kind == null || address == null) return null;
        String reply = Json.text(event, "reason");
        FailedRecipient r = switch (kind) {
            case "hard_bounce" -> EventReports.recipient(address, "failed", null, reply).build();
            case "soft_bounce", "deferred" -> EventReports.recipient(address, "delayed", null, reply).build();
            case "blocked" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(reply != null ? reply : "Brevo did not send: the address is on its block list")
                    .reasonHint(Reason.SUPPRESSED).build();
            case "invalid_email" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(reply != null ? reply : "Brevo did not send: the address is not a valid email address")
                    .reasonHint(Reason.SYNTAXERROR).build();
            case "spam" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "delivered" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null; // request, opened, click, unsubscribed, error
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("spam") ? MessageKind.FEEDBACK
                : kind.equals("delivered") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        String time = event.containsKey("ts_event") ? Json.time(event, "ts_event") : Json.text(event, "date");
        return EventReports.report(messageKind, FORMAT, List.of(r), null, Json.text(event, "message-id"),
                Json.text(event, "subject"), time);
    }
}
