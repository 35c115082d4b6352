package io.bouncelens.decode.log;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.SmtpText;

/**
 * Reads a mail server's log line about a delivery on its own: Postfix's, Sendmail's and
 * OpenSMTPD's syslog lines, Exim's main log. Lines about anything else (connections, queueing,
 * arrivals) give null; {@link LogReader} reads those too, and qmail's two-line deliveries. Hand-written scanning with
 * {@code indexOf}, linear in the line.
 */
public final class MtaLogLine {

    private MtaLogLine() {
    }

    /** The delivery the line reports, or null when it reports none. */
    public static LogDelivery read(String line) {
        if (line == null || line.isEmpty()) return null;
        LogDelivery d = PostfixLog.read(line);
        if (d == null) d = SendmailLog.read(line);
        if (d == null) d = EximLog.read(line);
        if (d == null) d = OpenSmtpdLog.read(line);
        return d;
    }

    /**
     * One recipient's result from a server's text: the reply code, enhanced status (when the
     * line's own field gave none), SMTP command and remote host read from it as from a report's
     * Diagnostic-Code.
     */
    static FailedRecipient recipient(String address, String action, String status, String text, String relayHost) {
        String diagnostic = text == null || text.isBlank() ? null : text.strip();
        String host = diagnostic == null ? null : SmtpText.bracketedHost(diagnostic);
        return FailedRecipient.builder()
                .recipient(address)
                .action(action)
                .status(status != null ? status : diagnostic == null ? null : SmtpText.firstStatus(diagnostic))
                .replyCode(diagnostic == null ? null : SmtpText.firstReplyCode(diagnostic))
                .diagnosticCode(diagnostic)
                .command(diagnostic == null ? null : SmtpText.command(diagnostic))
                .remoteHost(host != null ? host : relayHost)
                .build();
    }

    /** An X.Y.Z status as the log gave it, or null when it is not one. */
    static String status(String value) {
        if (value == null || value.length() < 5 || value.length() > 11) return null;
        char c = value.charAt(0);
        if ((c != '2' && c != '4' && c != '5') || value.charAt(1) != '.') return null;
        int dots = 0;
        for (int i = 1; i < value.length(); i++) {
            char x = value.charAt(i);
            if (x == '.') dots++;
            else if (x < '0' || x > '9') return null;
        }
        return dots == 2 ? value : null;
    }

    /** The address inside angle brackets, or the text itself when it has none; null when empty. */
    static String address(String value) {
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1).strip();
        return v.isEmpty() ? null : v;
    }

    /** A host name without its trailing dot or its bracketed address ({@code mx.example.com.[192.0.2.1]:25}). */
    static String host(String value) {
        if (value == null) return null;
        int end = value.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '[' || c == ' ' || c == ':') {
                end = i;
                break;
            }
        }
        String h = value.substring(0, end);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        // "none" (no server reached), "local", "private/dovecot-lmtp": not a remote host
        return h.indexOf('.') > 0 ? h : null;
    }

    /**
     * The queue id in {@code ...]: 4ABC123: to=...}: the word between the ": " before
     * {@code colon} and {@code colon}; null when that is no id (empty, or with a space).
     */
    static String queueIdBefore(String line, int colon) {
        int start = line.lastIndexOf(": ", colon - 1);
        if (start < 0) return null;
        String id = line.substring(start + 2, colon);
        return id.isEmpty() || id.length() > 64 || id.indexOf(' ') >= 0 ? null : id;
    }

    /** The value of {@code key} in a list of space-separated "key=value" fields, up to the next space, or null. */
    static String spaced(String line, String key, int from) {
        int at = line.indexOf(" " + key, from);
        if (at < 0) return null;
        int start = at + 1 + key.length();
        int end = line.indexOf(' ', start);
        return line.substring(start, end < 0 ? line.length() : end);
    }

    /** The value of {@code key=} in a list of "key=value, " fields, up to the next ", ", or null. */
    static String field(String line, String key, int from) {
        int at = line.indexOf(key, from);
        while (at > 0 && line.charAt(at - 1) != ' ') at = line.indexOf(key, at + 1);
        if (at < 0) return null;
        int start = at + key.length();
        int end = line.indexOf(", ", start);
        return line.substring(start, end < 0 ? line.length() : end);
    }
}
