package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Elastic Email's HTTP web notifications, one recipient each: {@code status} Error (also written
 * Bounced: the message bounced, after Elastic Email's retries), AbuseReport (a complaint) and Sent;
 * Opened, Clicked and Unsubscribed say nothing of a delivery. Elastic Email quotes no server reply:
 * it files each failure under a {@code category} of its own (NoMailbox, DNSProblem, Spam,
 * BlackListed, Throttled ...), the format's hint where it names one reason. Its {@code messageid}
 * and {@code transaction} are its own ids, not the message's Message-ID.
 * <p>
 * Elastic Email passes these as the query of a GET to the notification URL rather than as a JSON
 * body; an object of the same names ({@code to}, {@code status}, {@code category}, {@code date},
 * {@code from}, {@code subject}, {@code messageid}, {@code transaction}) is read here, which is what
 * the server's {@code GET /api/v1/events} makes of that query, and what a receiver that keeps them
 * as JSON writes. Recognised by {@code to} and {@code status}
 * with {@code transaction} or {@code messageid}, names no other service's events use together.
 */
final class ElasticEmailEvent implements EspFormat {

    static final String FORMAT = "elastic-email-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return event.containsKey("to") && event.containsKey("status")
                && (event.containsKey("transaction") || event.containsKey("messageid"));
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String status = Json.text(event, "status");
        String address = Json.text(event, "to");
        if (status == null || address == null) return null;
        String category = Json.text(event, "category");
        String kind = status.toLowerCase(Locale.ROOT);
        FailedRecipient r = switch (kind) {
            case "error", "bounced", "bounce" -> FailedRecipient.builder().recipient(address).action("failed")
                    .diagnosticCode(category == null ? null : "Elastic Email: " + category).reasonHint(reasonHint(category)).build();
            case "abusereport" -> FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType("abuse").build();
            case "sent" -> FailedRecipient.builder().recipient(address).action("delivered").build();
            default -> null; // Opened, Clicked, Unsubscribed
        };
        if (r == null) return null;
        MessageKind messageKind = kind.equals("abusereport") ? MessageKind.FEEDBACK
                : kind.equals("sent") ? MessageKind.DELIVERED : MessageKind.BOUNCE;
        return EventReports.report(messageKind, FORMAT, List.of(r), Json.text(event, "from"), null,
                Json.text(event, "subject"), Json.time(event, "date"));
    }

    /** Elastic Email's documented bounce categories, where one names one reason. */
    private static Reason reasonHint(String category) {
        if (category == null) return null;
        return switch (category.toLowerCase(Locale.ROOT)) {
            case "nomailbox" -> Reason.USERUNKNOWN;
            case "dnsproblem" -> Reason.HOSTUNKNOWN; // the address's domain does not exist or does not resolve
            case "spam" -> Reason.SPAMDETECTED;
            case "blacklisted", "greylisted" -> Reason.BLOCKED; // the sending IP on a blacklist; greylisting
            case "throttled" -> Reason.RATELIMITED;
            case "spfproblem" -> Reason.AUTHFAILURE;
            case "timeout", "connectionproblem", "connectionterminated" -> Reason.NETWORKERROR;
            // the address is on Elastic Email's own bounce list (earlier hard failures, unsubscribes): not sent
            case "ignore" -> Reason.SUPPRESSED;
            // AccountProblem (a full or an unused mailbox), Suppressed (blocked, cancelled or expired),
            // ContentFilter, WhitelistingProblem, CodeError, ManualCancel, NotDelivered, Unknown
            default -> null;
        };
    }
}
