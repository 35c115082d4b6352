package io.bouncelens.decode.event;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.SmtpText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Amazon SES's notifications (SNS, {@code notificationType}) and published events
 * ({@code eventType}): Bounce (per recipient its status and the receiving server's reply),
 * DeliveryDelay, Complaint, Delivery and Reject. SES's own types name a reason where its text
 * may not: a bounce's {@code bounceSubType} ({@code NoEmail}, {@code Suppressed},
 * {@code MailboxFull}, ...), a delay's {@code delayType}; the classifier takes them as the
 * format's hint, so a specific reply still decides. The SNS envelope around a notification is
 * opened by {@link EventSource}.
 */
final class AmazonSesEvent implements EspFormat {

    static final String FORMAT = "ses-event";

    @Override
    public boolean recognises(Map<String, Object> event) {
        return (event.containsKey("notificationType") || event.containsKey("eventType")) && Json.object(event, "mail") != null;
    }

    @Override
    public DecodedReport read(Map<String, Object> event) {
        String type = Json.text(event, "notificationType");
        if (type == null) type = Json.text(event, "eventType");
        Map<String, Object> mail = Json.object(event, "mail");
        Map<String, Object> headers = Json.object(mail, "commonHeaders");
        String addresser = Json.text(mail, "source");
        String messageId = Json.text(headers, "messageId") != null ? Json.text(headers, "messageId") : Json.text(mail, "messageId");
        String subject = Json.text(headers, "subject");
        String sent = Json.text(mail, "timestamp");
        if (type == null) return null;
        return switch (type) {
            case "Bounce" -> bounce(Json.object(event, "bounce"), addresser, messageId, subject, sent);
            case "DeliveryDelay" -> delay(Json.object(event, "deliveryDelay"), addresser, messageId, subject, sent);
            case "Complaint" -> complaint(Json.object(event, "complaint"), addresser, messageId, subject, sent);
            case "Delivery" -> delivery(Json.object(event, "delivery"), addresser, messageId, subject, sent);
            case "Reject" -> reject(Json.object(event, "reject"), mail, addresser, messageId, subject, sent);
            default -> null; // Send, Open, Click, Rendering Failure, Subscription: no delivery outcome
        };
    }

    private static DecodedReport bounce(Map<String, Object> bounce, String addresser, String messageId, String subject,
                                        String sent) {
        String reportingMta = SmtpText.stripType(Json.text(bounce, "reportingMTA"));
        String remote = Json.text(bounce, "remoteMtaIp");
        Reason hint = bounceHint(Json.text(bounce, "bounceSubType"));
        String time = Json.text(bounce, "timestamp");
        List<FailedRecipient> out = new ArrayList<>();
        for (Object r : Json.list(bounce, "bouncedRecipients")) {
            String address = Json.text(r, "emailAddress");
            if (address == null) continue;
            String action = Json.text(r, "action");
            out.add(EventReports.recipient(address, action == null ? "failed" : action, Json.text(r, "status"),
                            Json.text(r, "diagnosticCode"))
                    .remoteHost(remote).reportingMta(reportingMta).timestamp(time).reasonHint(hint).build());
        }
        return EventReports.report(MessageKind.BOUNCE, FORMAT, out, addresser, messageId, subject, sent);
    }

    /** What SES's bounce types say where the reply may not (its documented sub-types). */
    private static Reason bounceHint(String subType) {
        if (subType == null) return null;
        return switch (subType) {
            case "NoEmail" -> Reason.USERUNKNOWN;
            case "Suppressed", "OnAccountSuppressionList", "OnTenantSuppressionList", "EmailValidationSuppressed" ->
                    Reason.SUPPRESSED;
            case "MailboxFull" -> Reason.MAILBOXFULL;
            case "MessageTooLarge" -> Reason.EMAILTOOLARGE;
            case "ContentRejected" -> Reason.CONTENTERROR;
            case "AttachmentRejected" -> Reason.SECURITYERROR;
            case "CustomTimeoutExceeded" -> Reason.EXPIRED;
            default -> null; // General, Undetermined: the reply decides
        };
    }

    private static DecodedReport delay(Map<String, Object> delay, String addresser, String messageId, String subject,
                                       String sent) {
        String reportingMta = SmtpText.stripType(Json.text(delay, "reportingMTA"));
        Reason hint = delayHint(Json.text(delay, "delayType"));
        String time = Json.text(delay, "timestamp");
        List<FailedRecipient> out = new ArrayList<>();
        for (Object r : Json.list(delay, "delayedRecipients")) {
            String address = Json.text(r, "emailAddress");
            if (address == null) continue;
            out.add(EventReports.recipient(address, "delayed", Json.text(r, "status"), Json.text(r, "diagnosticCode"))
                    .reportingMta(reportingMta).timestamp(time).reasonHint(hint).build());
        }
        return EventReports.report(MessageKind.BOUNCE, FORMAT, out, addresser, messageId, subject, sent);
    }

    /** SES's delay types (DeliveryDelay events). */
    private static Reason delayHint(String delayType) {
        if (delayType == null) return null;
        return switch (delayType) {
            case "MailboxFull" -> Reason.MAILBOXFULL;
            case "SpamDetected" -> Reason.SPAMDETECTED;
            case "TransientCommunicationFailure" -> Reason.NETWORKERROR;
            case "IPFailure" -> Reason.BLOCKED;
            case "SendingDeferral" -> Reason.RATELIMITED;
            default -> null; // InternalFailure, General, RecipientServerError, Undetermined, ...
        };
    }

    private static DecodedReport complaint(Map<String, Object> complaint, String addresser, String messageId,
                                           String subject, String sent) {
        String feedbackType = Json.text(complaint, "complaintFeedbackType");
        String time = Json.text(complaint, "timestamp");
        List<FailedRecipient> out = new ArrayList<>();
        for (Object r : Json.list(complaint, "complainedRecipients")) {
            String address = Json.text(r, "emailAddress");
            if (address == null) continue;
            out.add(FailedRecipient.builder().recipient(address).action("failed").reasonHint(Reason.FEEDBACK)
                    .feedbackType(feedbackType == null ? "abuse" : feedbackType).timestamp(time).build());
        }
        return EventReports.report(MessageKind.FEEDBACK, FORMAT, out, addresser, messageId, subject, sent);
    }

    private static DecodedReport delivery(Map<String, Object> delivery, String addresser, String messageId,
                                          String subject, String sent) {
        String reply = Json.text(delivery, "smtpResponse");
        String reportingMta = Json.text(delivery, "reportingMTA");
        String remote = Json.text(delivery, "remoteMtaIp");
        String time = Json.text(delivery, "timestamp");
        List<FailedRecipient> out = new ArrayList<>();
        for (Object r : Json.list(delivery, "recipients")) {
            if (!(r instanceof String address) || address.isBlank()) continue;
            out.add(FailedRecipient.builder().recipient(address.strip()).action("delivered").diagnosticCode(reply)
                    .remoteHost(remote).reportingMta(reportingMta).timestamp(time).build());
        }
        return EventReports.report(MessageKind.DELIVERED, FORMAT, out, addresser, messageId, subject, sent);
    }

    /** SES refused the message itself, for every recipient: it found a virus in it ("Bad content"). */
    private static DecodedReport reject(Map<String, Object> reject, Map<String, Object> mail, String addresser,
                                        String messageId, String subject, String sent) {
        String why = Json.text(reject, "reason");
        List<FailedRecipient> out = new ArrayList<>();
        for (Object r : Json.list(mail, "destination")) {
            if (!(r instanceof String address) || address.isBlank()) continue;
            out.add(FailedRecipient.builder().recipient(address.strip()).action("failed")
                    .diagnosticCode(why == null ? null : "Amazon SES rejected the message: " + why)
                    .reasonHint(Reason.VIRUSDETECTED).build());
        }
        return EventReports.report(MessageKind.BOUNCE, FORMAT, out, addresser, messageId, subject, sent);
    }
}
