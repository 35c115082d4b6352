package io.bouncelens.decode;

import io.bouncelens.Reason;
import io.bouncelens.decode.vendor.VendorFormat;
import io.bouncelens.decode.vendor.VendorFormats;
import io.bouncelens.decode.vendor.VendorRecognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a parsed message is and what it says about each recipient: an ARF complaint, an
 * RFC 3464 report (enriched by a vendor format that recognises it), a vendor format, an
 * auto-reply, a plain-text bounce, or no bounce at all. Stateless and thread-safe.
 */
public final class ReportDecoder {

    private final VendorRecognition vendors;
    private final Limits limits;

    public ReportDecoder(List<VendorFormat> vendors, Limits limits) {
        this.vendors = new VendorRecognition(vendors, InlineDeliveryStatus.SIGNS);
        this.limits = limits;
    }

    /** The decoder with every bundled vendor format. */
    public static ReportDecoder standard(Limits limits) {
        return new ReportDecoder(VendorFormats.all(), limits);
    }

    public DecodedReport decode(ParsedMessage m) {
        if (FeedbackReportReader.recognises(m)) {
            List<FailedRecipient> complaints = FeedbackReportReader.read(m);
            return report(m, MessageKind.FEEDBACK, "arf", complaints, FeedbackReportReader.complainedAbout(m));
        }
        if (SieveRejects.recognises(m)) {
            List<FailedRecipient> refused = SieveRejects.read(m);
            if (!refused.isEmpty()) return report(m, MessageKind.BOUNCE, SieveRejects.FORMAT, refused);
        }
        // every format's signature literals, found in one pass over the text
        VendorRecognition.Scan signs = vendors.scan(m);
        DecodedReport structured = fromDeliveryStatus(m, m.deliveryStatus(), signs);
        if (structured != null) return structured;
        // fields pasted into the text by an MTA that lost (or never had) the MIME structure: read
        // as a report's fields, with the format that wrote the text around them filling the gaps
        if (m.deliveryStatus() == null && InlineDeliveryStatus.mayHold(signs.hits())) {
            structured = fromDeliveryStatus(m, InlineDeliveryStatus.find(m.text(), limits.maxRecipients(), limits.maxRecipients()),
                    signs);
            if (structured != null) return structured;
        }
        for (int i = 0; i < vendors.formats().size(); i++) {
            VendorFormat v = vendors.formats().get(i);
            if (!recognises(v, i, m, signs)) continue;
            List<FailedRecipient> found = read(v, m);
            if (!found.isEmpty()) return report(m, kindOf(found), v.name(), found);
        }
        // a wrapper around a bounce (a gateway's notice, a forwarded bounce, a digest of bounces): the
        // attached reports say it, the first one readable giving the kind and the original's details
        DecodedReport attached = fromAttachedReports(m);
        if (attached != null) return attached;
        boolean bounceSigns = BounceSigns.looksLikeBounce(m) || m.deliveryStatus() != null;
        // a read receipt (RFC 8098) is marked auto-replied as RFC 3834 asks, yet reports a reading,
        // not an absence (a Sieve filter's rejection, a disposition of "deleted", was read above);
        // and a request to confirm the sender holds the mail: neither is a bounce or an away notice
        if (m.deliveryStatus() == null) {
            if (m.hasPart("message/disposition-notification") && !bounceSigns) {
                return report(m, MessageKind.NOT_BOUNCE, "read-receipt", List.of());
            }
            if (ChallengeResponses.recognises(m)) return report(m, MessageKind.NOT_BOUNCE, "challenge-response", List.of());
        }
        if (AutoReplies.recognises(m) && !BounceSigns.fromMailSystem(m) && !BounceSigns.bounceSubject(m)) {
            DecodedReport away = vacation(m);
            // an automatic answer from no one ("From: <>") is a mail system's: read what it says
            if (away != null) return away;
        }
        if (bounceSigns) return fromText(m);
        return report(m, MessageKind.NOT_BOUNCE, null, List.of());
    }

    /**
     * The recipients of the reports attached to {@code m}, each read as a message of its own; null
     * when none is readable. Only a structured report or a known format counts: the generic text
     * scanner is not run on an attachment.
     */
    private DecodedReport fromAttachedReports(ParsedMessage m) {
        DecodedReport first = null;
        List<FailedRecipient> recipients = new ArrayList<>();
        List<String> problems = new ArrayList<>(m.problems());
        boolean truncated = m.truncated();
        for (ParsedMessage report : m.attachedReports()) {
            DecodedReport inner = decode(report);
            boolean readable = inner.decodedBy() != null && !inner.decodedBy().equals("text");
            if (!readable || inner.kind() == MessageKind.NOT_BOUNCE || inner.recipients().isEmpty()) continue;
            if (first == null) first = inner;
            for (FailedRecipient f : inner.recipients()) {
                if (recipients.size() < limits.maxRecipients()) recipients.add(f);
            }
            problems.addAll(inner.problems());
            truncated |= inner.truncated();
        }
        if (first == null) return null;
        return new DecodedReport(first.kind(), "attached+" + first.decodedBy(), recipients, first.addresser(),
                first.messageId(), first.subject(), first.timestamp(), truncated, problems);
    }

    /**
     * The last resort, for a message from a mail system that no report or format read: the
     * generic text scanner, unless the text is a notice that reports no failure (a receipt is
     * read as delivered) or states no failure at all.
     */
    private DecodedReport fromText(ParsedMessage m) {
        // the report's own text, found once for all three: above a marker line, or above a header
        // block pasted without one
        String report = BounceSigns.abovePastedHeaders(ReturnedMessage.reportPart(m.text()));
        ServiceNotices.Kind notice = ServiceNotices.of(m, report);
        if (notice == ServiceNotices.Kind.DELIVERED || notice == ServiceNotices.Kind.RELAYED) {
            String action = notice == ServiceNotices.Kind.DELIVERED ? "delivered" : "relayed";
            List<FailedRecipient> reached = new ArrayList<>();
            for (FailedRecipient f : TextBounceScanner.read(m, report, limits.maxRecipients())) reached.add(f.toBuilder().action(action).build());
            if (!reached.isEmpty()) return report(m, MessageKind.DELIVERED, "text", reached);
        } else if (notice == ServiceNotices.Kind.NONE
                && (m.deliveryStatus() != null || m.originalHeaders() != null || BounceSigns.statesAFailure(report))) {
            List<FailedRecipient> found = TextBounceScanner.read(m, report, limits.maxRecipients());
            if (BounceSigns.saysStillTrying(report)) found.replaceAll(f -> f.toBuilder().action("delayed").build());
            if (!found.isEmpty()) return report(m, MessageKind.BOUNCE, "text", found);
        }
        return report(m, MessageKind.NOT_BOUNCE, null, List.of());
    }

    /** The report read from RFC 3464 fields, enriched by the first vendor format that knows the message; null without recipients. */
    private DecodedReport fromDeliveryStatus(ParsedMessage m, DeliveryStatus dsn, VendorRecognition.Scan signs) {
        List<FailedRecipient> fromDsn = DeliveryStatusReader.read(dsn, m.header("X-Failed-Recipients"));
        if (!fromDsn.isEmpty()) {
            String decodedBy = dsn.global() ? "rfc6533" : "rfc3464";
            for (int i = 0; i < vendors.formats().size(); i++) {
                VendorFormat v = vendors.formats().get(i);
                if (!recognises(v, i, m, signs)) continue;
                List<FailedRecipient> extra = read(v, m);
                if (!extra.isEmpty()) {
                    fromDsn = enrich(fromDsn, extra);
                    decodedBy = decodedBy + "+" + v.name();
                    break;
                }
            }
            fromDsn = withTextWhereDiagnosticMissing(m, fromDsn);
            return report(m, allDelivered(fromDsn) ? MessageKind.DELIVERED : MessageKind.BOUNCE, decodedBy, fromDsn);
        }
        return null;
    }

    /** Asks format {@code v} (at {@code index} in registry order) only when its signature hit. */
    private static boolean recognises(VendorFormat v, int index, ParsedMessage m, VendorRecognition.Scan signs) {
        try {
            return signs.offered(index) && v.recognises(m, signs.hits());
        } catch (RuntimeException e) {
            return false; // one broken format must not stop the others
        }
    }

    private List<FailedRecipient> read(VendorFormat v, ParsedMessage m) {
        try {
            List<FailedRecipient> found = v.read(m);
            if (found == null) return List.of();
            List<FailedRecipient> usable = new ArrayList<>(Math.min(found.size(), limits.maxRecipients()));
            for (FailedRecipient r : found) {
                if (r != null && r.recipient() != null && !r.recipient().isBlank()) usable.add(r);
                if (usable.size() >= limits.maxRecipients()) break;
            }
            return usable;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** DSN records with their gaps filled by the vendor's record for the same recipient. */
    private static List<FailedRecipient> enrich(List<FailedRecipient> dsn, List<FailedRecipient> vendor) {
        List<FailedRecipient> out = new ArrayList<>(dsn.size());
        for (FailedRecipient d : dsn) {
            FailedRecipient match = null;
            for (FailedRecipient v : vendor) {
                if (v.recipient().equalsIgnoreCase(d.recipient())) {
                    match = v;
                    break;
                }
            }
            if (match == null && dsn.size() == 1 && vendor.size() == 1) match = vendor.get(0);
            out.add(match == null ? d : d.enrichedBy(match));
        }
        return out;
    }

    /** A report without Diagnostic-Code often says it in words: take the text's paragraph on that recipient. */
    private static List<FailedRecipient> withTextWhereDiagnosticMissing(ParsedMessage m, List<FailedRecipient> rs) {
        List<FailedRecipient> out = new ArrayList<>(rs.size());
        for (FailedRecipient r : rs) {
            if (r.diagnosticCode() == null || r.diagnosticCode().isBlank()) {
                String paragraph = TextBounceScanner.paragraphAbout(m.text(), r.recipient());
                if (paragraph != null) {
                    r = r.toBuilder().diagnosticCode(paragraph)
                            .replyCode(r.replyCode() != null ? r.replyCode() : SmtpText.firstReplyCode(paragraph))
                            .build();
                }
            }
            out.add(r);
        }
        return out;
    }

    private static boolean allDelivered(List<FailedRecipient> rs) {
        for (FailedRecipient r : rs) if (!isSuccess(r.action())) return false;
        return true;
    }

    static boolean isSuccess(String action) {
        if (action == null) return false;
        String a = action.toLowerCase(Locale.ROOT);
        return a.equals("delivered") || a.equals("relayed") || a.equals("expanded");
    }

    private static MessageKind kindOf(List<FailedRecipient> rs) {
        boolean vacation = true;
        for (FailedRecipient r : rs) vacation &= r.reasonHint() == Reason.VACATION;
        if (vacation) return MessageKind.VACATION;
        return allDelivered(rs) ? MessageKind.DELIVERED : MessageKind.BOUNCE;
    }

    /** The auto-reply of the person it comes from; null when it names no sender. */
    private DecodedReport vacation(ParsedMessage m) {
        String who = Addresses.first(m.header("Reply-To") != null && m.from().isEmpty() ? m.header("Reply-To") : m.from());
        if (who == null) return null;
        String firstLine = OneLine.of(m.text(), 300);
        FailedRecipient r = FailedRecipient.builder().recipient(who).action("vacation").reasonHint(Reason.VACATION)
                .diagnosticCode(firstLine.isEmpty() ? m.subject() : firstLine).build();
        return report(m, MessageKind.VACATION, "rfc3834", List.of(r));
    }

    private static DecodedReport report(ParsedMessage m, MessageKind kind, String decodedBy, List<FailedRecipient> rs) {
        Headers original = m.original();
        if (original.isEmpty() && kind == MessageKind.BOUNCE) original = ReturnedMessage.pastedHeaders(m.text(), 200);
        return report(m, kind, decodedBy, rs, original);
    }

    /** {@code original}: the headers of the message the report is about, empty when unknown. */
    private static DecodedReport report(ParsedMessage m, MessageKind kind, String decodedBy, List<FailedRecipient> rs,
                                        Headers original) {
        String addresser = Addresses.first(original.first("From"));
        if (addresser == null && kind != MessageKind.NOT_BOUNCE) addresser = Addresses.first(m.header("To"));
        String subject = original.first("Subject");
        if (subject == null) subject = m.header("Subject");
        String messageId = original.first("Message-ID");
        return new DecodedReport(kind, decodedBy, rs, addresser, messageId == null ? null : messageId.trim(), subject,
                m.header("Date"), m.truncated(), m.problems());
    }
}
