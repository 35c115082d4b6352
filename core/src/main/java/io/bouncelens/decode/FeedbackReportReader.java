package io.bouncelens.decode;

import io.bouncelens.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an RFC 5965 (ARF) complaint report: the complained-about recipient is the original
 * message's addressee, the feedback type says what kind of complaint it is. Also an unsubscribe
 * request a mail client sends for its user (Apple Mail marks it {@code X-Apple-Unsubscribe: true}):
 * feedback of type opt-out from the sender of the request.
 */
public final class FeedbackReportReader {

    private static final String MICROSOFT_COMPLAINT_RECIPIENT = "X-HmXmrOriginalRecipient";
    /** Where Microsoft's JMRP complaints come from. */
    private static final String MICROSOFT_COMPLAINT_SENDER = "staff@hotmail.com";
    private static final String APPLE_UNSUBSCRIBE = "X-Apple-Unsubscribe";

    private FeedbackReportReader() {
    }

    /** True when the message is an ARF report (or labels itself one without the part). */
    public static boolean recognises(ParsedMessage m) {
        if (m.feedbackReport() != null) return true;
        // Microsoft's JMRP complaints: the complained-about message attached, its addressee in this header
        if (m.original().has(MICROSOFT_COMPLAINT_RECIPIENT) || jmrpResent(m)) return true;
        String ct = m.header("Content-Type");
        if (ct != null && "feedback-report".equalsIgnoreCase(MediaType.parse(ct).parameter("report-type"))) return true;
        return unsubscribeRequest(m);
    }

    /** The headers of the message complained about: the attached one, or the report itself in the older JMRP form. */
    public static Headers complainedAbout(ParsedMessage m) {
        return m.original().isEmpty() && jmrpResent(m) ? m.headers() : m.original();
    }

    /**
     * The older JMRP form: the complained-about message itself sent back from Microsoft's
     * complaint address, the header naming its addressee added at the top.
     */
    private static boolean jmrpResent(ParsedMessage m) {
        if (!m.headers().has(MICROSOFT_COMPLAINT_RECIPIENT)) return false;
        String returnPath = m.header("Return-Path");
        return returnPath != null && returnPath.toLowerCase(Locale.ROOT).contains(MICROSOFT_COMPLAINT_SENDER);
    }

    private static boolean unsubscribeRequest(ParsedMessage m) {
        String apple = m.header(APPLE_UNSUBSCRIBE);
        return apple != null && apple.trim().equalsIgnoreCase("true");
    }

    public static List<FailedRecipient> read(ParsedMessage m) {
        if (m.feedbackReport() == null && unsubscribeRequest(m)) return unsubscribe(m);
        Headers fields = m.feedbackReport() == null ? Headers.EMPTY : m.feedbackReport();
        String type = fields.first("Feedback-Type");
        type = type == null ? "abuse" : type.trim().toLowerCase(Locale.ROOT);
        List<String> recipients = new ArrayList<>();
        for (String r : fields.all("Original-Rcpt-To")) addAll(recipients, r);
        for (String r : fields.all("Removal-Recipient")) addAll(recipients, r);
        addAll(recipients, m.original().first(MICROSOFT_COMPLAINT_RECIPIENT));
        if (recipients.isEmpty() && jmrpResent(m)) addAll(recipients, m.header(MICROSOFT_COMPLAINT_RECIPIENT));
        if (recipients.isEmpty()) addAll(recipients, m.original().first("To"));
        if (recipients.isEmpty()) addAll(recipients, m.original().first("Delivered-To"));
        if (recipients.isEmpty()) addAll(recipients, m.original().first("X-Original-To"));
        List<FailedRecipient> out = new ArrayList<>();
        String reportingMta = DeliveryStatusReader.hostOf(fields.first("Reporting-MTA"));
        String sourceIp = fields.first("Source-IP");
        String date = fields.firstOf("Arrival-Date", "Received-Date");
        // a complaint about a message with undisclosed recipients is still a complaint: one record, no address
        if (recipients.isEmpty()) recipients.add(null);
        for (String r : recipients) {
            out.add(FailedRecipient.builder()
                    .recipient(r)
                    .action("feedback")
                    .reasonHint(Reason.FEEDBACK)
                    .feedbackType(type)
                    .diagnosticCode(diagnostic(type, fields, m.text()))
                    .reportingMta(reportingMta)
                    .remoteHost(sourceIp == null ? null : sourceIp.trim())
                    .timestamp(date)
                    .build());
        }
        return out;
    }

    /** The user who asked to be taken off the list is the request's sender. */
    private static List<FailedRecipient> unsubscribe(ParsedMessage m) {
        List<String> from = new ArrayList<>();
        addAll(from, m.header("From"));
        String first = firstLine(m.text());
        return List.of(FailedRecipient.builder()
                .recipient(from.isEmpty() ? null : from.get(0))
                .action("feedback")
                .reasonHint(Reason.FEEDBACK)
                .feedbackType("opt-out")
                .diagnosticCode("unsubscribe request" + (first == null ? "" : ": " + first))
                .timestamp(m.header("Date"))
                .build());
    }

    private static String diagnostic(String type, Headers fields, String text) {
        String ua = fields.first("User-Agent");
        String first = firstLine(text);
        StringBuilder b = new StringBuilder("feedback report: ").append(type);
        if (ua != null) b.append(" (").append(ua).append(')');
        if (first != null) b.append(": ").append(first);
        return b.toString();
    }

    private static String firstLine(String text) {
        if (text == null) return null;
        for (String line : new LineIterable(text, 20)) {
            if (!line.isBlank()) return line.trim().length() > 200 ? line.trim().substring(0, 200) : line.trim();
        }
        return null;
    }

    private static void addAll(List<String> to, String value) {
        if (value == null) return;
        for (String a : Addresses.find(Addresses.decodeUtf8AddrXtext(value), 100)) {
            boolean seen = false;
            for (String x : to) seen |= x.equalsIgnoreCase(a);
            if (!seen) to.add(a);
        }
    }
}
