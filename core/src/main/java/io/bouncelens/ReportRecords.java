package io.bouncelens;

import io.bouncelens.classify.Classification;
import io.bouncelens.classify.ReplyEvidence;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.SieveRejects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a decoded report into records: each failure through the classifier, each success,
 * complaint and auto-reply straight to its reason (the report itself says what it is).
 */
final class ReportRecords {

    private final Bouncelens bouncelens;

    ReportRecords(Bouncelens bouncelens) {
        this.bouncelens = bouncelens;
    }

    List<BounceRecord> records(DecodedReport report, Lang lang, String file, int message) {
        List<BounceRecord> out = new ArrayList<>(report.recipients().size());
        if (report.kind() == MessageKind.NOT_BOUNCE) return out;
        for (FailedRecipient r : report.recipients()) out.add(record(report, r, lang, file, message));
        return out;
    }

    /** Formats whose words are the reporting system's own verdict on the address, not a quoted reply. */
    private static final java.util.Set<String> OWN_VERDICT_FORMATS = java.util.Set.of("text", "tencent", "netease",
            "alibaba", "263", "chinese-notice");

    private BounceRecord record(DecodedReport report, FailedRecipient r, Lang lang, String file, int message) {
        Reason stated = statedReason(report, r);
        Classification verdict;
        if (stated != null) {
            verdict = new Classification(stated, r.status(), r.replyCode(), r.remoteHost(), null, null,
                    stated == Reason.DELIVERED || stated == Reason.VACATION ? Actor.NONE : null,
                    null, "decode." + stated.label(), report.decodedBy());
        } else {
            // The generic text scanner's words are the notice's own sentence about the address
            // ("User not known", "No such user here"): the mail system's verdict, not a remote
            // reply a known format quotes without saying which command it answered.
            // So are the Chinese providers' notices (their 退信原因 under the address, with the remote
            // answer beside it): the provider's own statement about the recipient.
            boolean quotedReply = !OWN_VERDICT_FORMATS.contains(report.decodedBy());
            ReplyEvidence evidence = new ReplyEvidence(r.diagnosticCode() == null ? "" : r.diagnosticCode(),
                    r.status(), r.replyCode(), r.remoteHost(), r.command(), r.reasonHint(), quotedReply,
                    r.reportingMta());
            verdict = bouncelens.classifier().classify(evidence);
            if ((verdict.reason() == null || verdict.reason() == Reason.UNDEFINED) && r.reasonHint() != null) {
                verdict = new Classification(r.reasonHint(), verdict.status(), verdict.replyCode(), verdict.remoteHost(),
                        verdict.provider(), verdict.providerCode(), verdict.actor(), verdict.retry(),
                        "decode." + r.reasonHint().label(), report.decodedBy());
            }
        }
        BounceRecord.Builder b = BounceRecord.builder()
                .file(file)
                .message(message)
                .recipient(r.recipient())
                .addresser(report.addresser())
                .action(r.action())
                .diagnosticCode(r.diagnosticCode())
                .command(r.command())
                .reportingMta(r.reportingMta())
                .decodedBy(report.decodedBy())
                .timestamp(r.timestamp() != null ? r.timestamp() : report.timestamp())
                .messageId(report.messageId())
                .subject(report.subject())
                .feedbackType(r.feedbackType())
                .truncated(report.truncated());
        bouncelens.describe(verdict, lang, b);
        if (verdict.remoteHost() == null) b.remoteHost(r.remoteHost());
        if (verdict.status() == null) b.status(r.status());
        if (verdict.replyCode() == null) b.replyCode(r.replyCode());
        return bouncelens.withPseudoStatus(b).build();
    }

    /** The reason a report states by what it is, or null when the classifier must decide. */
    private static Reason statedReason(DecodedReport report, FailedRecipient r) {
        if (report.kind() == MessageKind.FEEDBACK || r.reasonHint() == Reason.FEEDBACK) return Reason.FEEDBACK;
        if (report.kind() == MessageKind.VACATION || r.reasonHint() == Reason.VACATION) return Reason.VACATION;
        // a sending service that refused to send to an address on its suppression list says so itself:
        // no server was asked, and whatever reply it quotes is the one that put the address there
        if (r.reasonHint() == Reason.SUPPRESSED) return Reason.SUPPRESSED;
        // a recipient's Sieve filter that rejected the message: its words are the recipient's own
        // ("I no longer accept mail from this list"), not a server's verdict to classify; the
        // reader tells Dovecot's own rejection over quota apart
        if (SieveRejects.FORMAT.equals(report.decodedBy()) && r.reasonHint() != null) return r.reasonHint();
        String action = r.action() == null ? "" : r.action().toLowerCase(Locale.ROOT);
        if (action.equals("delivered") || action.equals("relayed") || action.equals("expanded")) return Reason.DELIVERED;
        return null;
    }
}
