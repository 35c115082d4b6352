package io.bouncelens.decode;

import io.bouncelens.Reason;

/**
 * One recipient as a report states it, before classification. Every component but
 * {@code recipient} may be null. Status and reply code are those the report gives in structured
 * form or in the remote server's text; the classifier reads the rest from {@code diagnosticCode}.
 *
 * @param recipient      the address that failed (or was delivered, relayed, ...), lower-case domain
 * @param action         failed, delayed, delivered, relayed, expanded (RFC 3464), vacation, feedback
 * @param status         enhanced status code ({@code 5.1.1})
 * @param replyCode      SMTP reply code (550)
 * @param diagnosticCode the remote server's text, or the report's sentence about this recipient
 * @param command        SMTP command that was answered (RCPT, DATA, MAIL, ...)
 * @param remoteHost     the MTA that answered
 * @param reportingMta   the MTA that wrote the report
 * @param timestamp      when the attempt failed, as the report writes it
 * @param reasonHint     a reason the format itself implies (an expiry notice means expired), or null
 * @param feedbackType   ARF Feedback-Type for complaint reports, else null
 */
public record FailedRecipient(String recipient, String action, String status, Integer replyCode,
                              String diagnosticCode, String command, String remoteHost,
                              String reportingMta, String timestamp, Reason reasonHint,
                              String feedbackType) {

    /** A failure known only by its address and the text about it. */
    public static FailedRecipient of(String recipient, String diagnosticCode) {
        return builder().recipient(recipient).action("failed").diagnosticCode(diagnosticCode).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .recipient(recipient).action(action).status(status).replyCode(replyCode)
                .diagnosticCode(diagnosticCode).command(command).remoteHost(remoteHost)
                .reportingMta(reportingMta).timestamp(timestamp).reasonHint(reasonHint)
                .feedbackType(feedbackType);
    }

    /**
     * This recipient with the gaps filled from {@code other} (same recipient, read by another
     * format): a structured report's fields stay, a vendor's text and hint fill what it lacks.
     */
    public FailedRecipient enrichedBy(FailedRecipient other) {
        return new FailedRecipient(recipient,
                action != null ? action : other.action,
                status != null && !isGenericStatus(status) ? status : (other.status != null ? other.status : status),
                replyCode != null ? replyCode : other.replyCode,
                diagnosticCode != null && !diagnosticCode.isBlank() ? diagnosticCode : other.diagnosticCode,
                command != null ? command : other.command,
                remoteHost != null ? remoteHost : other.remoteHost,
                reportingMta != null ? reportingMta : other.reportingMta,
                timestamp != null ? timestamp : other.timestamp,
                other.reasonHint != null ? other.reasonHint : reasonHint,
                feedbackType != null ? feedbackType : other.feedbackType);
    }

    private static boolean isGenericStatus(String s) {
        return s.endsWith(".0.0");
    }

    /** Mutable assembly, for report formats that learn the fields one by one. */
    public static final class Builder {
        private String recipient;
        private String action;
        private String status;
        private Integer replyCode;
        private String diagnosticCode;
        private String command;
        private String remoteHost;
        private String reportingMta;
        private String timestamp;
        private Reason reasonHint;
        private String feedbackType;

        private Builder() {
        }

        public Builder recipient(String v) { recipient = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder replyCode(Integer v) { replyCode = v; return this; }
        public Builder diagnosticCode(String v) { diagnosticCode = v; return this; }
        public Builder command(String v) { command = v; return this; }
        public Builder remoteHost(String v) { remoteHost = v; return this; }
        public Builder reportingMta(String v) { reportingMta = v; return this; }
        public Builder timestamp(String v) { timestamp = v; return this; }
        public Builder reasonHint(Reason v) { reasonHint = v; return this; }
        public Builder feedbackType(String v) { feedbackType = v; return this; }

        public String recipient() { return recipient; }
        public String diagnosticCode() { return diagnosticCode; }

        public FailedRecipient build() {
            return new FailedRecipient(recipient, action, status, replyCode, diagnosticCode, command,
                    remoteHost, reportingMta, timestamp, reasonHint, feedbackType);
        }
    }
}
