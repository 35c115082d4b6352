package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * Mailgun's webhooks ({@code {"signature":..., "event-data":{...}}}) and the events of its Events
 * API (the {@code event-data} alone): {@code failed}, permanent or temporary by its
 * {@code severity}, with the server's {@code delivery-status} (code, enhanced code, message,
 * MX host); {@code complained}; {@code delivered}. A failure Mailgun decided itself names why in
 * {@code reason}: an address on its suppression lists, a message too old to retry.
 */
final class MailgunEvent implements EspFormat {

    static final String FORMAT = "mailgun-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        Map<String, Object> data = data(event);
        return data.containsKey("event") && data.containsKey("recipient")
                && (data.containsKey("delivery-status") || data.containsKey("severity") || data.containsKey("log-level"));
    }

    private static Map<String, Object> data(Map<String, Object> event) {
        Map<String, Object> data = Json.object(event, "event-data");
        return data != null ? data : event;
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        Map<String, Object> data = data(event);
        String kind = Json.text(data, "event");
        String address = Json.text(data, "recipient");
        if (kind == null || address == null) return null;
        Map<String, Object> status = Json.object(data, "delivery-status");
        Map<String, Object> headers = Json.object(Json.object(data, "message"), "headers");
        String messageId = Json.text(headers, "message-id");
        String addresser = Json.text(Json.object(data, "envelope"), "sender");
        String subject = Json.text(headers, "subject");
        String time = Json.time(data, "timestamp");
        FailedRecipient r = switch (kind) {
            case "failed" -> EventReports.recipient(address, "temporary".equals(Json.text(data, "severity")) ? "delayed" : "failed",
                            Json.text(status, "enhanced-code"), reply(status))
                    .remoteHost(Json.text(status, "mx-host")).reasonHint(reasonHint(Json.text(data, "reason"))).build();
            case "complained" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "delivered" -> FailedRecipient.builder().recipient(address).action("delivered").diagnosticCode(reply(status))
                    .remoteHost(Json.text(status, "mx-host")).build();
            default -> null; // accepted, opened, clicked, unsubscribed, stored
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("complained") ? MessageKind.FEEDBACK
                : kind.equals("delivered") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        return EventReports.report(messageKind, FORMAT, List.of(r), addresser, messageId, subject, time);
    }

    /** The server's reply: its code and message ("550 5.1.1 The email account ... does not exist"), else Mailgun's description. */
    private static String reply(Map<String, Object> status) {
        String code = Json.text(status, "code");
        String message = Json.text(status, "message");
        String description = Json.text(status, "description");
        String text = message != null ? message : description;
        if (text == null) return null;
        return code != null && !code.equals("0") && !text.startsWith(code) ? code + " " + text : text;
    }

    /** Mailgun's own reasons for failing a message it did not send, or stopped retrying. */
    private static Reason reasonHint(String reason) {
        if (reason == null) return null;
        return switch (reason) {
            case "suppress-bounce", "suppress-unsubscribe", "suppress-complaint" -> Reason.SUPPRESSED;
            case "old" -> Reason.EXPIRED;
            default -> null; // bounce, generic, greylisted, espblock, hardfail: the reply decides
        };
    }
}
