package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * Alibaba Cloud DirectMail's (阿里云邮件推送) events, as EventBridge hands them on (to an HTTP
 * target, or to an MNS queue): a CloudEvents envelope with {@code source} acs:dm, {@code type}
 * dm:… and the event under {@code data}, one recipient each ({@code rcpt}). Read here:
 * dm:Deliver:Fail, the receiving server's reply in {@code err_msg} (its code in {@code err_code})
 * and DirectMail's {@code failed_type} as the format's hint (SmtpNxBox, no such mailbox: the one
 * value seen documented), and dm:Deliver:Succeed, by the same {@code rcpt}; FBL reports,
 * subscriptions, clicks and opens give nothing (no documented fields of an FBL report were found
 * to write this from, so a complaint is not guessed at). A rule that passes on only {@code data}
 * leaves the event's name in its {@code event}, which is read the same way.
 * <p>
 * Recognised by a {@code data} object holding {@code rcpt} beside a {@code type} starting dm:
 * (or, alone, {@code rcpt} beside an {@code event} starting dm:): no other service names its
 * events so. Its {@code msg_id} is DirectMail's id, not reported as the Message-ID.
 */
final class AliyunDirectMailEvent implements EspFormat {

    static final String FORMAT = "aliyun-dm-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        Map<String, Object> data = Json.object(event, "data");
        if (data != null) return isDirectMail(Json.text(event, "type")) && data.containsKey("rcpt");
        return isDirectMail(Json.text(event, "event")) && event.containsKey("rcpt");
    }

    private static boolean isDirectMail(String type) {
        return type != null && type.startsWith("dm:");
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        Map<String, Object> inEnvelope = Json.object(event, "data");
        Map<String, Object> data = inEnvelope != null ? inEnvelope : event;
        String type = inEnvelope != null ? Json.text(event, "type") : Json.text(event, "event");
        String address = Json.text(data, "rcpt");
        if (type == null || address == null) return null;
        FailedRecipient r = switch (type) {
            case "dm:Deliver:Fail" -> {
                String failedType = Json.text(data, "failed_type");
                String reply = Json.text(data, "err_msg", "err_code");
                FailedRecipient.Builder b = reply != null ? EventReports.recipient(address, "failed", null, reply)
                        : FailedRecipient.builder().recipient(address).action("failed")
                                .diagnosticCode(failedType == null ? null : "Aliyun DirectMail: " + failedType);
                yield b.reasonHint("SmtpNxBox".equals(failedType) ? Reason.USERUNKNOWN : null).build();
            }
            case "dm:Deliver:Succeed" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null; // dm:Feedback:*, dm:Trace:*, dm:Validator:*
        };
        if (r == null) return null;
        MessageKind kind = type.equals("dm:Deliver:Succeed") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        // the envelope's time has its zone; deliver_time is DirectMail's local time without one
        String time = inEnvelope != null && Json.time(event, "time") != null ? Json.time(event, "time") : Json.time(data, "deliver_time");
        return EventReports.report(kind, FORMAT, List.of(r), Json.text(data, "from"), null, null, time);
    }
}
