package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a vendor format read about one failed recipient, before it becomes the framework's record.
 * Codes missing from the structured parts of a report are read from the diagnostic text.
 *
 * @param recipient  the address that failed
 * @param diagnostic the remote server's answer or the report's own words for the failure
 * @param status     enhanced status code, or null
 * @param replyCode  SMTP reply code, or null
 * @param command    SMTP command answered (RCPT, MAIL, DATA, HELO, CONN, ...), or null
 * @param remoteHost the host that answered, or null
 * @param hint       a reason the format itself implies (an expiry notice), or null
 * @param action     failed or delayed
 */
record Finding(String recipient, String diagnostic, String status, Integer replyCode, String command,
               String remoteHost, Reason hint, String action) {

    /** Longest diagnostic kept: a server's answer is a few lines; more is a report gone wrong. */
    static final int MAX_DIAGNOSTIC_CHARS = 2_000;

    /** A failure whose codes are read from the diagnostic text; the command is left to the caller. */
    static Finding of(String recipient, String diagnostic) {
        String said = diagnostic == null ? "" : diagnostic.length() > MAX_DIAGNOSTIC_CHARS
                ? diagnostic.substring(0, MAX_DIAGNOSTIC_CHARS) : diagnostic;
        ReplyParts parts = ReplyParts.of(said);
        return new Finding(recipient, blankToNull(said), parts.status(), parts.replyCode(),
                null, null, null, "failed");
    }

    /**
     * A failure read from a block of report text such as {@code SMTP error from remote mail server
     * after RCPT TO:<a@b>: host mx [ip]: 550 5.1.1 ...}: the diagnostic is the server's answer (from its
     * reply or status code on), the command is read from the report's own words before it, so words
     * inside the server's answer ("invalid HELO") never pass for the command.
     */
    static Finding ofBlock(String recipient, String block) {
        String text = block == null ? "" : block.length() > MAX_DIAGNOSTIC_CHARS ? block.substring(0, MAX_DIAGNOSTIC_CHARS) : block;
        int start = ReplyParts.replyStart(text);
        String framing = start > 0 ? text.substring(0, start) : start < 0 ? text : "";
        String diagnostic = start >= 0 ? text.substring(start) : text;
        return of(recipient, diagnostic).withCommand(ReplyParts.command(framing));
    }

    Finding withHost(String host) {
        return new Finding(recipient, diagnostic, status, replyCode, command, blankToNull(host), hint, action);
    }

    Finding withCommand(String cmd) {
        return new Finding(recipient, diagnostic, status, replyCode, blankToNull(cmd), remoteHost, hint, action);
    }

    Finding withHint(Reason reason) {
        return new Finding(recipient, diagnostic, status, replyCode, command, remoteHost, reason, action);
    }

    Finding withStatus(String s) {
        return new Finding(recipient, diagnostic, blankToNull(s), replyCode, command, remoteHost, hint, action);
    }

    Finding withReplyCode(Integer code) {
        return new Finding(recipient, diagnostic, status, code, command, remoteHost, hint, action);
    }

    Finding delayed() {
        return new Finding(recipient, diagnostic, status, replyCode, command, remoteHost, hint, "delayed");
    }

    /** The framework's record of this failure; the recipient's domain lower-cased. */
    FailedRecipient toRecipient() {
        return FailedRecipient.builder()
                .recipient(normalise(recipient))
                .action(action)
                .status(status)
                .replyCode(replyCode)
                .diagnosticCode(diagnostic)
                .command(command)
                .remoteHost(remoteHost)
                .reasonHint(hint)
                .build();
    }

    static List<FailedRecipient> toRecipients(List<Finding> findings) {
        List<FailedRecipient> out = new ArrayList<>(findings.size());
        for (Finding f : findings) out.add(f.toRecipient());
        return out;
    }

    private static String normalise(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) return address;
        return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
