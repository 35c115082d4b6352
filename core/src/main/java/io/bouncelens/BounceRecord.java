package io.bouncelens;

/**
 * One recipient of one report: the shared contract of the library, the CLI, the HTTP API and the
 * store. JSON names are the component names. Nullable components are absent from JSON when null.
 *
 * @param file           where the message came from, as given by the caller (null for a reply line)
 * @param message        1-based position of the message inside an mbox or a stream; 0 when not counted
 * @param recipient      the address that failed
 * @param addresser      the original sender
 * @param action         failed, delayed, delivered, relayed, expanded, vacation or feedback
 * @param reason         why it bounced
 * @param hardBounce     true only when retrying the address can never work
 * @param status         enhanced status code such as {@code 5.1.1}
 * @param replyCode      SMTP reply code such as 550
 * @param diagnosticCode the remote server's text
 * @param command        the SMTP command the remote server answered (RCPT, DATA, ...)
 * @param remoteHost     the remote MTA
 * @param reportingMta   the MTA that wrote the report
 * @param decodedBy      which decoder read the report
 * @param provider       the mailbox provider whose reading decided, e.g. {@code netease}
 * @param providerCode   that provider's own code, e.g. {@code DT:SPM}
 * @param actor          who must act
 * @param retry          never, later or after-fix
 * @param explanation    what happened, in the language asked for
 * @param fix            what to do, in the language asked for
 * @param evidence       which knowledge-base entry or rule decided, and on which text
 * @param timestamp      when the report was written (ISO 8601 when it could be parsed)
 * @param messageId      Message-ID of the original message
 * @param subject        Subject of the original message
 * @param feedbackType   ARF Feedback-Type (abuse, opt-out, ...) of a complaint report
 * @param truncated      true when a limit cut the input and the record is built from what was read
 */
public record BounceRecord(
        String file,
        int message,
        String recipient,
        String addresser,
        String action,
        Reason reason,
        boolean hardBounce,
        String status,
        Integer replyCode,
        String diagnosticCode,
        String command,
        String remoteHost,
        String reportingMta,
        String decodedBy,
        String provider,
        String providerCode,
        Actor actor,
        Retry retry,
        String explanation,
        String fix,
        String evidence,
        String timestamp,
        String messageId,
        String subject,
        String feedbackType,
        boolean truncated) {

    /**
     * Whether {@code status} is a pseudo code (X.0.9nn, see {@code kb/advice/reasons.kb}) that stands
     * in for the code the report did not give: no server writes a detail of 900 or more.
     */
    public boolean hasPseudoStatus() {
        return status != null && status.length() == 7 && status.startsWith(".0.9", 1);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable assembly of a record; each stage fills what it knows. */
    public static final class Builder {
        private String file;
        private int message;
        private String recipient;
        private String addresser;
        private String action;
        private Reason reason = Reason.UNDEFINED;
        private Boolean hardBounce;
        private String status;
        private Integer replyCode;
        private String diagnosticCode;
        private String command;
        private String remoteHost;
        private String reportingMta;
        private String decodedBy;
        private String provider;
        private String providerCode;
        private Actor actor;
        private Retry retry;
        private String explanation;
        private String fix;
        private String evidence;
        private String timestamp;
        private String messageId;
        private String subject;
        private String feedbackType;
        private boolean truncated;

        private Builder() {
        }

        private Builder(BounceRecord r) {
            file = r.file;
            message = r.message;
            recipient = r.recipient;
            addresser = r.addresser;
            action = r.action;
            reason = r.reason;
            hardBounce = r.hardBounce;
            status = r.status;
            replyCode = r.replyCode;
            diagnosticCode = r.diagnosticCode;
            command = r.command;
            remoteHost = r.remoteHost;
            reportingMta = r.reportingMta;
            decodedBy = r.decodedBy;
            provider = r.provider;
            providerCode = r.providerCode;
            actor = r.actor;
            retry = r.retry;
            explanation = r.explanation;
            fix = r.fix;
            evidence = r.evidence;
            timestamp = r.timestamp;
            messageId = r.messageId;
            subject = r.subject;
            feedbackType = r.feedbackType;
            truncated = r.truncated;
        }

        public Builder file(String v) { file = v; return this; }
        public Builder message(int v) { message = v; return this; }
        public Builder recipient(String v) { recipient = v; return this; }
        public Builder addresser(String v) { addresser = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder reason(Reason v) { reason = v; return this; }
        /** Overrides the reason's default hard/soft verdict; normally left unset. */
        public Builder hardBounce(boolean v) { hardBounce = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder replyCode(Integer v) { replyCode = v; return this; }
        public Builder diagnosticCode(String v) { diagnosticCode = v; return this; }
        public Builder command(String v) { command = v; return this; }
        public Builder remoteHost(String v) { remoteHost = v; return this; }
        public Builder reportingMta(String v) { reportingMta = v; return this; }
        public Builder decodedBy(String v) { decodedBy = v; return this; }
        public Builder provider(String v) { provider = v; return this; }
        public Builder providerCode(String v) { providerCode = v; return this; }
        public Builder actor(Actor v) { actor = v; return this; }
        public Builder retry(Retry v) { retry = v; return this; }
        public Builder explanation(String v) { explanation = v; return this; }
        public Builder fix(String v) { fix = v; return this; }
        public Builder evidence(String v) { evidence = v; return this; }
        public Builder timestamp(String v) { timestamp = v; return this; }
        public Builder messageId(String v) { messageId = v; return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder feedbackType(String v) { feedbackType = v; return this; }
        public Builder truncated(boolean v) { truncated = v; return this; }

        public Reason reason() { return reason; }
        public String action() { return action; }
        public String status() { return status; }
        public Integer replyCode() { return replyCode; }
        public String diagnosticCode() { return diagnosticCode; }
        public String evidence() { return evidence; }

        public BounceRecord build() {
            Reason r = reason == null ? Reason.UNDEFINED : reason;
            boolean hard = hardBounce != null ? hardBounce : r.isHardBounce(action, replyCode, status);
            return new BounceRecord(file, message, recipient, addresser, action, r, hard, status,
                    replyCode, diagnosticCode, command, remoteHost, reportingMta, decodedBy, provider,
                    providerCode, actor, retry, explanation, fix, evidence, timestamp, messageId,
                    subject, feedbackType, truncated);
        }
    }
}
