package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SparkPost's webhooks: a batch of {@code {"msys":{"message_event":{...}}}}, one recipient each.
 * {@code bounce} and {@code out_of_band} (the server's reply in {@code raw_reason}, SparkPost's
 * {@code bounce_class} as the format's hint), {@code delay}, {@code policy_rejection},
 * {@code spam_complaint} and {@code delivery}; tracking events (opens, clicks) give nothing.
 * SparkPost's {@code message_id} is its own id, not a Message-ID, and is not reported as one.
 */
final class SparkPostEvent implements EspFormat {

    static final String FORMAT = "sparkpost-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return Json.object(event, "msys") != null;
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        Map<String, Object> e = Json.object(Json.object(event, "msys"), "message_event");
        String type = Json.text(e, "type");
        String address = Json.text(e, "rcpt_to");
        if (type == null || address == null) return null;
        String reply = Json.text(e, "raw_reason", "reason");
        Integer bounceClass = Json.integer(e, "bounce_class");
        FailedRecipient r = switch (type) {
            case "bounce", "out_of_band", "policy_rejection", "generation_rejection" -> {
                if (bounceClass != null && (bounceClass == 80 || bounceClass == 90)) yield null; // (un)subscribe requests
                Reason hint = classHint(bounceClass, reply);
                // an auto-reply is no failure: the action an email's auto-reply gets
                yield EventReports.recipient(address, hint == Reason.VACATION ? "vacation" : "failed", null, reply)
                        .reasonHint(hint).build();
            }
            case "delay" -> EventReports.recipient(address, "delayed", null, reply).build();
            case "spam_complaint" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType(Json.text(e, "fbtype") == null ? "abuse" : Json.text(e, "fbtype")).build();
            case "delivery" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null; // injection, generation_failure, and the track and relay events
        };
        if (r == null) return null;
        MessageKind kind = switch (type) {
            case "spam_complaint" -> MessageKind.FEEDBACK;
            case "delivery" -> MessageKind.DELIVERED;
            default -> r.reasonHint() == Reason.VACATION ? MessageKind.VACATION : MessageKind.BOUNCE;
        };
        String addresser = Json.text(e, "msg_from", "friendly_from");
        return EventReports.report(kind, FORMAT, List.of(r), addresser, null, Json.text(e, "subject"), Json.time(e, "timestamp"));
    }

    /** SparkPost's bounce classification codes (landscape §2.1), where they name a reason. */
    private static Reason classHint(Integer bounceClass, String reply) {
        if (bounceClass == null) return null;
        return switch (bounceClass) {
            case 10 -> Reason.USERUNKNOWN;
            case 21 -> Reason.HOSTUNKNOWN;
            case 22 -> Reason.MAILBOXFULL;
            case 23 -> Reason.EMAILTOOLARGE;
            case 24 -> Reason.EXPIRED;
            // an admin failure is SparkPost's own policy: its suppression list when it says so
            case 25 -> reply != null && reply.toLowerCase(Locale.ROOT).contains("suppress") ? Reason.SUPPRESSED : null;
            case 50, 51 -> Reason.BLOCKED;
            case 52 -> Reason.SPAMDETECTED;
            case 53 -> Reason.SECURITYERROR;
            case 54 -> Reason.NORELAYING;
            case 60 -> Reason.VACATION;
            case 100 -> Reason.ONHOLD;
            default -> null; // 1 undetermined, 20 soft, 30 and 40 generic, 70 transient: the reply decides
        };
    }
}
