package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.Addresses;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * Scaleway Transactional Email's webhooks, posted through Scaleway's Topics and Events (an
 * SNS-compatible envelope, opened before this reads it): one event per recipient,
 * {@code {"type":"email_dropped","domain_id":...,"email_to":...,"email_response_code":550,
 * "email_response_message":"5.1.1 ..."}}. {@code email_dropped} is a permanent refusal,
 * {@code email_deferred} a temporary one Scaleway retries, {@code email_mailbox_not_found} a
 * refusal Scaleway itself read as a missing mailbox, {@code email_spam} a message Scaleway or the
 * receiving server judged spam (a refusal, not a recipient's complaint), {@code email_blocklisted}
 * a message Scaleway did not send because the address is on its blocklist (its
 * {@code blocklist_type} says why it was put there), {@code email_delivered} a delivery. The
 * Message-ID and Subject come from {@code email_headers}, a list of key and value pairs. An event
 * is Scaleway's by its {@code email_} type beside {@code email_to} and {@code domain_id}: no other
 * service here writes those three.
 */
final class ScalewayTemEvent implements EspFormat {

    static final String FORMAT = "scaleway-tem-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        String type = Json.text(event, "type");
        return type != null && type.startsWith("email_") && event.containsKey("email_to") && event.containsKey("domain_id");
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String type = Json.text(event, "type");
        String address = Json.text(event, "email_to");
        if (type == null || address == null) return null;
        FailedRecipient r = switch (type) {
            case "email_dropped" -> EventReports.recipient(address, "failed", null, reply(event)).build();
            case "email_deferred" -> EventReports.recipient(address, "delayed", null, reply(event)).build();
            case "email_mailbox_not_found" -> EventReports.recipient(address, "failed", null, reply(event))
                    .reasonHint(Reason.USERUNKNOWN).build();
            case "email_spam" -> EventReports.recipient(address, "failed", null, reply(event))
                    .reasonHint(Reason.SPAMDETECTED).build();
            case "email_blocklisted" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(blocklisted(event)).reasonHint(Reason.SUPPRESSED).build();
            case "email_delivered" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null; // email_queued, blocklist_created: nothing of a delivery yet
        };
        if (r == null) return null;
        List<Object> headers = Json.list(event, "email_headers");
        return EventReports.report(type.equals("email_delivered") ? MessageKind.DELIVERED : MessageKind.BOUNCE, FORMAT,
                List.of(r), Addresses.first(Json.text(event, "email_from")), header(headers, "Message-ID"),
                header(headers, "Subject"), Json.time(event, "created_at"));
    }

    /**
     * The receiving server's reply: its code and its text are given apart (the text often begins
     * with the enhanced status), so they are joined as the server sent them; the deprecated
     * {@code email_error} where neither is given.
     */
    private static String reply(Map<String, Object> event) {
        Integer code = Json.integer(event, "email_response_code");
        String message = Json.text(event, "email_response_message");
        if (message == null) {
            String error = Json.text(event, "email_error");
            return error != null ? error : code == null || code == 0 ? null : String.valueOf(code);
        }
        if (code == null || code == 0 || message.startsWith(String.valueOf(code))) return message;
        return code + " " + message;
    }

    private static String blocklisted(Map<String, Object> event) {
        String type = Json.text(event, "blocklist_type");
        String reason = Json.text(event, "blocklist_reason");
        StringBuilder s = new StringBuilder("Scaleway did not send the message: the address is on its blocklist");
        if (type != null) s.append(" (").append(type).append(')');
        if (reason != null) s.append(": ").append(reason);
        return s.toString();
    }

    /** The value of a header in Scaleway's list of {@code {"key":..., "value":...}}, by name in any case. */
    private static String header(List<Object> headers, String name) {
        for (Object h : headers) {
            if (name.equalsIgnoreCase(Json.text(h, "key"))) return Json.text(h, "value");
        }
        return null;
    }
}
