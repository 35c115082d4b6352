package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * Mandrill's (Mailchimp Transactional) webhook events, each with its message under {@code msg}:
 * {@code hard_bounce} and {@code soft_bounce} (the server's reply in {@code msg.diag}),
 * {@code reject} (Mandrill sent nothing: the address is on its rejection list), {@code deferral},
 * {@code spam} (a complaint) and {@code send}. The webhook posts them form-encoded as
 * {@code mandrill_events=[...]}; the API's receiver takes that form apart, files hold the JSON.
 */
final class MandrillEvent implements EspFormat {

    static final String FORMAT = "mandrill-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        Map<String, Object> msg = Json.object(event, "msg");
        return event.containsKey("event") && msg != null && msg.containsKey("email");
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String type = Json.text(event, "event");
        Map<String, Object> msg = Json.object(event, "msg");
        String address = Json.text(msg, "email");
        if (type == null || address == null) return null;
        String reply = Json.text(msg, "diag");
        FailedRecipient r = switch (type) {
            case "hard_bounce" -> EventReports.recipient(address, "failed", null, reply)
                    .reasonHint("bad_mailbox".equals(Json.text(msg, "bounce_description")) ? Reason.USERUNKNOWN : null).build();
            case "soft_bounce" -> EventReports.recipient(address, "delayed", null, reply)
                    .reasonHint("mailbox_full".equals(Json.text(msg, "bounce_description")) ? Reason.MAILBOXFULL : null).build();
            case "deferral" -> EventReports.recipient(address, "delayed", null, reply).build();
            case "reject" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode("Mandrill rejected the message: the address is on its rejection list")
                    .reasonHint(Reason.SUPPRESSED).build();
            case "spam" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "send" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null; // open, click, unsub, whitelist and blacklist changes
        };
        if (r == null) return null;
        MessageKind kind = type.equals("spam") ? MessageKind.FEEDBACK
                : type.equals("send") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        return EventReports.report(kind, FORMAT, List.of(r), Json.text(msg, "sender"), null, Json.text(msg, "subject"),
                Json.time(event, "ts"));
    }
}
