package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tencent Cloud's Simple Email Service (腾讯云邮件推送) callback: one event per request, a recipient
 * each, named by {@code bulkId} (the MessageId its SendEmail call returned). {@code bounce} (the
 * receiving server refused it: {@code reason} is its reply, {@code bounceType} soft or hard),
 * {@code dropped} (Tencent sent nothing, its blacklist of addresses that bounced hard among the
 * causes), {@code deferred}, {@code spamreport} and {@code delivered}; the others (processed,
 * open, click, unsubscribe) say nothing of delivery. A bounce's reply from QQ Mail is read with
 * Tencent's own codes, as in a bounce message.
 */
final class TencentSesEvent implements EspFormat {

    static final String FORMAT = "tencent-ses-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("event") && event.containsKey("email") && event.containsKey("bulkId");
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String kind = Json.text(event, "event");
        String address = Json.text(event, "email");
        if (kind == null || address == null) return null;
        String reason = Json.text(event, "reason");
        FailedRecipient r = switch (kind) {
            case "bounce" -> EventReports.recipient(address, "failed", null, reason).build();
            case "dropped" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(reason == null ? "Tencent Cloud SES dropped the message"
                            : "Tencent Cloud SES dropped the message: " + reason)
                    .reasonHint(onBlacklist(reason) ? Reason.SUPPRESSED : null).build();
            case "deferred" -> EventReports.recipient(address, "delayed", null, reason).build();
            case "spamreport" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "delivered" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null;
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("spamreport") ? MessageKind.FEEDBACK
                : kind.equals("delivered") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        String messageId = Json.text(event, "messageId");
        return EventReports.report(messageKind, FORMAT, List.of(r), Json.text(event, "from"),
                messageId == null ? null : "<" + messageId + ">", Json.text(event, "subject"), Json.time(event, "timestamp"));
    }

    /** Whether Tencent dropped the message for its own list of addresses not to send to. */
    private static boolean onBlacklist(String reason) {
        if (reason == null) return false;
        String r = reason.toLowerCase(Locale.ROOT);
        return r.contains("blacklist") || r.contains("black list") || r.contains("黑名单");
    }
}
