package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the recipients of an RFC 3464 / RFC 6533 delivery-status report: one
 * {@link FailedRecipient} per recipient group that names an address.
 */
public final class DeliveryStatusReader {

    private static final String[] RECIPIENT_FIELDS = {"Final-Recipient", "Original-Recipient", "X-Actual-Recipient"};

    private DeliveryStatusReader() {
    }

    public static List<FailedRecipient> read(DeliveryStatus dsn) {
        return read(dsn, null);
    }

    /**
     * {@code failedRecipients}: the message's X-Failed-Recipients field, or null. A recipient
     * group that gives a Status but names no one takes the next address it lists, in order.
     */
    public static List<FailedRecipient> read(DeliveryStatus dsn, String failedRecipients) {
        List<FailedRecipient> out = new ArrayList<>();
        if (dsn == null) return out;
        Iterator<String> unnamed = failedRecipients == null ? Collections.emptyIterator()
                : Addresses.find(failedRecipients, 100).iterator();
        String reportingMta = hostOf(dsn.perMessage().firstOf("Reporting-MTA", "Received-From-MTA"));
        String arrival = dsn.perMessage().first("Arrival-Date");
        String groupAction = null;
        for (Headers g : dsn.perRecipient()) {
            // an X.400 gateway's Final-Recipient (x400; /S=name/...) holds no Internet address:
            // the Original-Recipient it came from does
            String recipient = null;
            for (String field : RECIPIENT_FIELDS) {
                recipient = Addresses.clean(g.first(field));
                if (recipient != null) break;
            }
            if (recipient == null && g.has("Status") && unnamed.hasNext()) recipient = unnamed.next();
            if (recipient == null) {
                // fields of no recipient (Boxbe writes Action among its per-message fields): the
                // recipients after them take its Action when they give none
                if (g.has("Action")) groupAction = g.first("Action");
                continue;
            }
            String diagnostic = g.first("Diagnostic-Code");
            // an x-unix type stays: it says a local delivery program wrote the text, not a server
            String diagnosticText = diagnostic == null ? null
                    : SmtpText.isLocalMailerType(diagnostic) ? diagnostic.strip() : SmtpText.stripType(diagnostic);
            if (diagnosticText == null || diagnosticText.isBlank()) diagnosticText = statusComment(g.first("Status"));
            // an X.400 gateway's own codes ("Reason 1 (Unable-To-Transfer); Diagnostic -1") say
            // less than the remote answer it quotes beside them
            String supplementary = g.first("X400-Supplementary-Info");
            if (supplementary != null && !supplementary.isBlank()) {
                String words = supplementary.strip();
                if (words.length() > 1 && words.startsWith("\"") && words.endsWith("\"")) words = words.substring(1, words.length() - 1);
                diagnosticText = diagnosticText == null || diagnosticText.isBlank() ? words : diagnosticText + "; " + words;
            }
            String status = statusOf(g.first("Status"));
            Integer reply = SmtpText.leadingReplyCode(diagnostic);
            out.add(FailedRecipient.builder()
                    .recipient(recipient)
                    .action(action(g.first("Action"), groupAction != null ? groupAction : dsn.perMessage().first("Action"),
                            status))
                    .status(status)
                    .replyCode(reply)
                    .diagnosticCode(diagnosticText == null || diagnosticText.isBlank() ? null : diagnosticText)
                    .command(SmtpText.command(diagnosticText))
                    .remoteHost(remoteHost(g.first("Remote-MTA"), diagnosticText))
                    .reportingMta(reportingMta)
                    .timestamp(g.first("Last-Attempt-Date") != null ? g.first("Last-Attempt-Date") : arrival)
                    .reasonHint(PowerMtaCategory.hint(g.first("X-PowerMTA-BounceCategory")))
                    .build());
        }
        return out;
    }

    /** The Remote-MTA field's host; without one, the host the diagnostic names beside its address. */
    private static String remoteHost(String remoteMta, String diagnostic) {
        String host = hostOf(remoteMta);
        return host != null ? host : SmtpText.bracketedHost(diagnostic);
    }

    /**
     * A recipient's action: its own Action field; else one a report put among its per-message
     * fields (Boxbe's does); else what its status says (5: failed, 4: delayed, 2: delivered).
     */
    private static String action(String own, String perMessage, String status) {
        String a = actionOf(own);
        if (a == null) a = actionOf(perMessage);
        return a != null ? a : actionOfStatus(status);
    }

    /** The action an enhanced status's class says: 5 failed, 4 delayed, 2 delivered; null for none. */
    public static String actionOfStatus(String status) {
        if (status == null || status.isEmpty()) return null;
        return switch (status.charAt(0)) {
            case '5' -> "failed";
            case '4' -> "delayed";
            case '2' -> "delivered";
            default -> null;
        };
    }

    /** RFC 3464 action, lower case; the common misspellings mapped to the standard word. */
    static String actionOf(String value) {
        if (value == null || value.isBlank()) return null;
        String a = value.trim().toLowerCase(Locale.ROOT);
        int sp = a.indexOf(' ');
        if (sp > 0) a = a.substring(0, sp);
        return switch (a) {
            case "failure", "fail", "failed" -> "failed";
            case "delay", "delayed" -> "delayed";
            case "deliverable", "delivered", "delivery" -> "delivered";
            default -> a;
        };
    }

    /** The enhanced code of a Status field ({@code 5.1.1 (user unknown)} gives {@code 5.1.1}). */
    static String statusOf(String value) {
        if (value == null) return null;
        return SmtpText.firstStatus(value);
    }

    /**
     * What a Status field says in words when a report has no Diagnostic-Code:
     * {@code 4.0.0 (example.net: host name lookup failure)} gives the words in brackets; null when
     * there are none or they only name the class ("permanent failure").
     */
    static String statusComment(String value) {
        if (value == null) return null;
        int open = value.indexOf('('), close = value.lastIndexOf(')');
        if (open < 0 || close <= open + 1) return null;
        String words = value.substring(open + 1, close).strip();
        String lower = words.toLowerCase(Locale.ROOT);
        for (String only : CLASS_ONLY) if (lower.equals(only)) return null;
        return words.isEmpty() ? null : words;
    }

    private static final String[] CLASS_ONLY = {
            "permanent failure", "permanent error", "temporary failure", "temporary error",
            "transient failure", "transient error", "persistent transient failure", "success", "",
    };

    /** The host of an MTA field: {@code dns; mx.example.com [192.0.2.1]} gives {@code mx.example.com}. */
    static String hostOf(String value) {
        if (value == null) return null;
        String v = SmtpText.stripType(value);
        int end = 0;
        while (end < v.length() && !Character.isWhitespace(v.charAt(end)) && v.charAt(end) != '(' && v.charAt(end) != ';') end++;
        String host = v.substring(0, end);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return host.isEmpty() ? null : host;
    }
}
