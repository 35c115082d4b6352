package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.SmtpText;

import java.util.List;
import java.util.Map;

/**
 * SMTP2GO's webhooks (their JSON output), one recipient each in {@code rcpt}: {@code bounce}
 * ({@code bounce} hard or soft as SMTP2GO classed the server's answer, the answer itself in
 * {@code message}, more of the exchange in {@code context}, the server that bounced it in
 * {@code host}), {@code spam} (a complaint), {@code delivered} and {@code reject} (SMTP2GO sent
 * nothing: the address is on its suppressions, or the sender is unverified or sandboxed, so the
 * event names no one reason). Processed, open, click, unsubscribe and resubscribe say nothing of
 * delivery. {@code email_id} is SMTP2GO's own id. An event is SMTP2GO's by {@code rcpt}, a name no
 * other service here gives its recipient, beside {@code event} and one of its own fields.
 */
final class Smtp2GoEvent implements EspFormat {

    static final String FORMAT = "smtp2go-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("event") && event.containsKey("rcpt")
                && (event.containsKey("email_id") || event.containsKey("sendtime") || event.containsKey("auth"));
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String kind = Json.text(event, "event");
        String address = Json.text(event, "rcpt");
        if (kind == null || address == null) return null;
        String message = Json.text(event, "message");
        String context = Json.text(event, "context");
        FailedRecipient r = switch (kind) {
            case "bounce" -> bounce(address, event, message, context);
            case "reject" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(rejected(message != null ? message : context)).build();
            case "spam" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "delivered" -> EventReports.recipient(address, "delivered", null, message).build();
            default -> null; // processed, open, click, unsubscribe, resubscribe
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("spam") ? MessageKind.FEEDBACK
                : kind.equals("delivered") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        String addresser = Json.text(event, "sender", "from");
        return EventReports.report(messageKind, FORMAT, List.of(r), addresser, null, Json.text(event, "subject"),
                Json.time(event, "time"));
    }

    private static FailedRecipient bounce(String address, Map<String, Object> event, String message, String context) {
        // message is the server's answer; context, where there is no message, is the best text left
        String reply = message != null ? message : context;
        FailedRecipient.Builder b = EventReports.recipient(address,
                        "soft".equalsIgnoreCase(Json.text(event, "bounce")) ? "delayed" : "failed", null, reply)
                .remoteHost(Json.text(event, "host"));
        // the context may name the command the answer came to ("RCPT TO:<...>") where the answer does not
        if (message != null && SmtpText.command(message) == null) b.command(SmtpText.command(context));
        return b.build();
    }

    private static String rejected(String text) {
        return text == null ? "SMTP2GO did not send the message (a reject event)" : "SMTP2GO did not send the message: " + text;
    }
}
