package io.bouncelens.classify;

import io.bouncelens.Reason;

/**
 * What is known about one failure before it is classified: the remote server's text and whatever
 * a report said beside it. Everything but {@code text} may be null.
 *
 * @param text       the reply or diagnostic text, as it appeared (may carry its own codes)
 * @param status     enhanced status code from a structured field (DSN {@code Status:}), if any
 * @param replyCode  SMTP reply code from a structured field, if any
 * @param remoteHost the host that answered, if known; helps to pick a provider's reading
 * @param command    the SMTP command that was answered, if known
 * @param hint       a reason the report's format itself implies (e.g. an expiry notice), if any
 * @param reported   the text comes from a bounce report rather than from a user pasting one reply:
 *                   a report that quotes a "user unknown" without saying it answered RCPT TO, and
 *                   without an address status (X.1.x), does not show the address is missing
 * @param reportedBy the host that wrote the report (a DSN's {@code Reporting-MTA}), if known. When no
 *                   remote host is named, the reply is that host's own, so its provider is detected
 *                   from it (Outlook.com's own report on one of its mailboxes names no other host)
 */
public record ReplyEvidence(String text, String status, Integer replyCode, String remoteHost,
                            String command, Reason hint, boolean reported, String reportedBy) {

    /** Evidence whose reporting host is unknown. */
    public ReplyEvidence(String text, String status, Integer replyCode, String remoteHost, String command, Reason hint,
                         boolean reported) {
        this(text, status, replyCode, remoteHost, command, hint, reported, null);
    }

    /** Evidence from outside a bounce report (a reply on its own). */
    public ReplyEvidence(String text, String status, Integer replyCode, String remoteHost, String command, Reason hint) {
        this(text, status, replyCode, remoteHost, command, hint, false);
    }

    public static ReplyEvidence ofText(String text) {
        return new ReplyEvidence(text, null, null, null, null, null, false, null);
    }
}
