package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mailjet's Event API callbacks: {@code bounce} ({@code hard_bounce} true or false), {@code blocked}
 * (Mailjet sent nothing), {@code spam} (a complaint) and {@code sent}. Mailjet quotes no server
 * reply for a bounce: it names the cause in two words of its own, {@code error} within the area
 * {@code error_related_to} (recipient, domain, spam, system, mailjet), which are this format's
 * hint; {@code sent} carries the server's {@code smtp_reply}.
 */
final class MailjetEvent implements EspFormat {

    static final String FORMAT = "mailjet-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("event") && event.containsKey("email")
                && (event.containsKey("MessageID") || event.containsKey("Message_GUID"))
                && (event.containsKey("mj_campaign_id") || event.containsKey("mj_contact_id") || event.containsKey("error_related_to"));
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String kind = Json.text(event, "event");
        String address = Json.text(event, "email");
        if (kind == null || address == null) return null;
        String error = Json.text(event, "error");
        FailedRecipient r = switch (kind) {
            // a soft bounce is retried; a block is Mailjet not sending at all
            case "bounce", "blocked" -> FailedRecipient.builder().recipient(address)
                    .action(kind.equals("bounce") && "false".equals(Json.text(event, "hard_bounce")) ? "delayed" : "failed")
                    .diagnosticCode(described(event, error)).reasonHint(reasonHint(error)).build();
            case "spam" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "sent" -> EventReports.recipient(address, "delivered", null, Json.text(event, "smtp_reply")).build();
            default -> null; // open, click, unsub
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("spam") ? MessageKind.FEEDBACK
                : kind.equals("sent") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        // MessageID is Mailjet's own number, not the message's Message-ID
        return EventReports.report(messageKind, FORMAT, List.of(r), null, null, null, Json.time(event, "time"));
    }

    /** Mailjet's words as the record's text: "Mailjet: user unknown (recipient)". */
    private static String described(Map<String, Object> event, String error) {
        if (error == null) return null;
        String area = Json.text(event, "error_related_to");
        return "Mailjet: " + error + (area == null ? "" : " (" + area + ")");
    }

    /** Mailjet's documented error values, each of which names one reason. */
    private static Reason reasonHint(String error) {
        if (error == null) return null;
        return switch (error.toLowerCase(Locale.ROOT)) {
            case "user unknown" -> Reason.USERUNKNOWN;
            case "mailbox inactive" -> Reason.SUSPEND;
            case "quota exceeded" -> Reason.MAILBOXFULL;
            case "invalid domain", "no mail host", "typofix" -> Reason.HOSTUNKNOWN;
            case "relay/access denied" -> Reason.NORELAYING;
            case "greylisted" -> Reason.BLOCKED;
            case "sender blocked" -> Reason.REJECTED;
            case "content blocked", "spam content" -> Reason.SPAMDETECTED;
            case "policy issue" -> Reason.POLICYVIOLATION;
            case "system issue" -> Reason.SYSTEMERROR;
            case "connection issue" -> Reason.NETWORKERROR;
            case "protocol issue" -> Reason.SYNTAXERROR;
            // Mailjet's own lists: an earlier bounce, a complaint, an address it was told to block
            case "preblocked", "spam reporter", "blacklisted", "unsubscribed" -> Reason.SUPPRESSED;
            default -> null; // duplicate in campaign, template errors: the words decide, else undefined
        };
    }
}
