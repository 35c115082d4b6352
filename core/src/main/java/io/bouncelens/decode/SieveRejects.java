package io.bouncelens.decode;

import io.bouncelens.Reason;

import java.util.List;
import java.util.Locale;

/**
 * Reads a Sieve filter's rejection (RFC 5429 {@code reject}): the recipient's own mail filter
 * refused the message after it was delivered to the recipient's server, and said so with a
 * disposition notification whose Disposition is {@code automatic-action/...; deleted} (Dovecot
 * Pigeonhole, Cyrus). It is a bounce, not a read receipt: the message was not read and will not
 * be. The reason is the recipient's own words (its text part), so the record's reason is
 * {@code filtered} whatever those words are; but Dovecot's delivery agent sends the same notice
 * for a mailbox over quota ("Quota exceeded (mailbox for user is full)"), which is
 * {@code mailboxfull}.
 */
public final class SieveRejects {

    /** The format name records carry. */
    public static final String FORMAT = "sieve-reject";

    /** Dovecot's own words for a rejection over quota (its default quota_exceeded_message, 1.x and 2.x). */
    private static final String[] QUOTA_WORDS = {"quota exceeded", "mailbox for user is full"};

    /** The recipient's reason is free text: only its start is kept as the diagnostic. */
    private static final int MAX_REASON_CHARS = 1000;

    private SieveRejects() {
    }

    /** True for a disposition notification that reports the message deleted by an automatic action. */
    public static boolean recognises(ParsedMessage m) {
        if (m.disposition() == null) return false;
        String disposition = m.disposition().first("Disposition");
        if (disposition == null) return false;
        String d = disposition.toLowerCase(Locale.ROOT);
        int semicolon = d.indexOf(';');
        if (semicolon < 0) return false;
        // "action-mode/sending-mode; disposition-type/modifiers": a person deleting unread
        // (manual-action) is not a rejection
        String mode = d.substring(0, semicolon).strip();
        String type = d.substring(semicolon + 1).strip();
        int slash = type.indexOf('/');
        if (slash >= 0) type = type.substring(0, slash).strip();
        return mode.startsWith("automatic-action") && type.equals("deleted");
    }

    /** The refused recipient, with the notice's text as its diagnostic; empty when no address is named. */
    public static List<FailedRecipient> read(ParsedMessage m) {
        Headers fields = m.disposition();
        String recipient = Addresses.clean(fields.first("Final-Recipient"));
        if (recipient == null) recipient = Addresses.clean(fields.first("Original-Recipient"));
        if (recipient == null) return List.of();
        String words = OneLine.of(m.text(), MAX_REASON_CHARS);
        return List.of(FailedRecipient.builder()
                .recipient(recipient)
                .action("failed")
                .diagnosticCode(words.isEmpty() ? null : words)
                .reportingMta(reportingHost(fields.first("Reporting-UA")))
                .reasonHint(overQuota(words) ? Reason.MAILBOXFULL : Reason.FILTERED)
                .build());
    }

    private static boolean overQuota(String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        for (String w : QUOTA_WORDS) if (lower.contains(w)) return true;
        return false;
    }

    /** The host of a Reporting-UA field ("mail.example.de; Dovecot Mail Delivery Agent"), or null. */
    private static String reportingHost(String reportingUa) {
        if (reportingUa == null) return null;
        int semicolon = reportingUa.indexOf(';');
        String host = (semicolon < 0 ? reportingUa : reportingUa.substring(0, semicolon)).strip();
        return host.isEmpty() || host.indexOf(' ') >= 0 ? null : host;
    }
}
