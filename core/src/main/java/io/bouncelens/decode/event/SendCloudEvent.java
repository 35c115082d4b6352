package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Map;

/**
 * SendCloud's (搜狐 SendCloud, sendcloud.net; Aurora SendCloud abroad) WebHook events, one
 * recipient each: {@code invalid} (无效邮件: SendCloud gave the address up, or never sent to it),
 * {@code soft_bounce} (软退信: it tries again; {@code bounce} with a {@code reason} in its first
 * API), {@code report_spam} (a complaint) and {@code deliver}; request, open, click, unsubscribe
 * and route say nothing of a delivery. A failure names its cause by SendCloud's sub-status, a
 * number in {@code subStat} (401 to 409 for an invalid address, 503 to 509 for a soft bounce) and
 * its words in {@code subStatDesc}, Chinese on sendcloud.net (its documents also spell them
 * {@code substat} and {@code substatdesc}); a soft bounce may carry its {@code cause}. No server
 * reply is quoted otherwise, so the sub-status that names one reason is the format's hint.
 * <p>
 * Recognised by {@code event} and {@code recipient} with {@code emailId}, SendCloud's id of one
 * recipient's message ({@code <messageId>0$<address>}): Mailgun's old webhooks also post
 * {@code event}, {@code recipient}, {@code token} and {@code signature}, but no {@code emailId}.
 * SendCloud posts its fields form-encoded or as JSON; this reads the JSON, and the server's
 * receiver turns a posted form into it (every value then a string, digits read as numbers). Its
 * {@code messageId} and {@code emailId} are its own ids, and its {@code timestamp} is in
 * milliseconds.
 */
final class SendCloudEvent implements EspFormat {

    static final String FORMAT = "sendcloud-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("event") && event.containsKey("recipient") && event.containsKey("emailId");
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String kind = Json.text(event, "event");
        String address = Json.text(event, "recipient");
        if (kind == null || address == null) return null;
        Integer subStat = Json.integer(event, "subStat", "substat");
        FailedRecipient r = switch (kind) {
            case "invalid" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(described(event, subStat)).reasonHint(reasonHint(subStat)).build();
            case "soft_bounce", "bounce" -> {
                // the cause, when given, is what the receiving server answered; else SendCloud's words
                String cause = Json.text(event, "cause", "reason");
                FailedRecipient.Builder b = cause != null ? EventReports.recipient(address, "delayed", null, cause)
                        : FailedRecipient.builder().recipient(address).action("delayed").diagnosticCode(described(event, subStat));
                yield b.reasonHint(reasonHint(subStat)).build();
            }
            case "report_spam" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "deliver" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null; // request, open, click, unsubscribe, route
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("report_spam") ? MessageKind.FEEDBACK
                : kind.equals("deliver") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        // messageId and emailId are SendCloud's own, not the message's Message-ID
        return EventReports.report(messageKind, FORMAT, List.of(r), null, null, null, Json.time(event, "timestamp"));
    }

    /** SendCloud's words as the record's text: "SendCloud: 地址不存在 (406)". */
    private static String described(Map<String, Object> event, Integer subStat) {
        String words = Json.text(event, "subStatDesc", "substatdesc");
        if (words == null) words = Json.text(event, "message");
        if (words == null && subStat == null) return null;
        return "SendCloud: " + (words == null ? "sub-status " + subStat : words + (subStat == null ? "" : " (" + subStat + ")"));
    }

    /** SendCloud's documented sub-statuses, where one names one reason. */
    private static Reason reasonHint(Integer subStat) {
        if (subStat == null) return null;
        return switch (subStat) {
            // on SendCloud's own lists, of addresses that failed before or that unsubscribed: nothing was sent
            case 401, 402 -> Reason.SUPPRESSED;
            case 404 -> Reason.SYNTAXERROR; // 地址格式错误
            case 405, 505 -> Reason.BLOCKED; // IP、域名被拒: the sending IP or domain refused
            case 406, 506 -> Reason.USERUNKNOWN; // (邮箱)地址不存在
            case 407, 507 -> Reason.SPAMDETECTED; // 垃圾邮件, 反垃圾邮件被拒
            // 403/503 server unreachable (no mail host, or a network failure), 408/508 sender or
            // recipient refused, 409/509 others: the words or the cause decide
            default -> null;
        };
    }
}
