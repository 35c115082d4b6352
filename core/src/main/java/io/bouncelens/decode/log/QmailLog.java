package io.bouncelens.decode.log;

import java.util.List;

/**
 * qmail-send's log, which tells a delivery in two lines: {@code starting delivery 77: msg 12345 to
 * remote gone@example.com}, then {@code delivery 77: failure: TEXT} (or {@code deferral},
 * {@code success}); the sender is on {@code info msg 12345: bytes 2048 from <alice@example.org>}.
 * The text is qmail's report with spaces written as {@code _} and line breaks as {@code /}. Lines
 * carry multilog's {@code @4000...} label or a syslog head.
 */
final class QmailLog {

    private QmailLog() {
    }

    /** {@code starting delivery D: msg M to remote|local R}. */
    record Start(String delivery, String message, String recipient) {
    }

    /** {@code delivery D: failure|deferral|success: TEXT}. */
    record Result(String delivery, String action, String text, String timestamp) {
    }

    /** {@code info msg M: bytes B from <S> ...}. */
    record Info(String message, String sender) {
    }

    static Start start(String line) {
        int at = line.indexOf("starting delivery ");
        if (at < 0) return null;
        int colon = line.indexOf(": msg ", at);
        if (colon < 0) return null;
        int to = line.indexOf(" to ", colon + 6);
        if (to < 0) return null;
        int kind = line.indexOf(' ', to + 4); // "remote" or "local"
        if (kind < 0) return null;
        String recipient = MtaLogLine.address(line.substring(kind + 1));
        if (recipient == null || recipient.indexOf('@') < 0) return null;
        return new Start(line.substring(at + 18, colon), line.substring(colon + 6, to), recipient);
    }

    static Result result(String line) {
        int at = line.indexOf("delivery ");
        if (at < 0 || at >= 9 && line.startsWith("starting ", at - 9)) return null;
        int colon = line.indexOf(": ", at + 9);
        if (colon < 0) return null;
        int wordEnd = line.indexOf(':', colon + 2);
        if (wordEnd < 0) return null;
        String action = switch (line.substring(colon + 2, wordEnd)) {
            case "failure" -> "failed";
            case "deferral" -> "delayed";
            case "success" -> "delivered";
            default -> null;
        };
        if (action == null) return null;
        String text = line.substring(Math.min(line.length(), wordEnd + 1)).strip()
                .replace('_', ' ').replace('/', ' ').strip();
        return new Result(line.substring(at + 9, colon), action, text.isEmpty() ? null : text, timestamp(line));
    }

    static Info info(String line) {
        int at = line.indexOf("info msg ");
        if (at < 0) return null;
        int colon = line.indexOf(": ", at + 9);
        int from = colon < 0 ? -1 : line.indexOf(" from <", colon);
        if (from < 0) return null;
        int close = line.indexOf('>', from + 7);
        if (close < 0) return null;
        String sender = line.substring(from + 7, close).strip();
        return new Info(line.substring(at + 9, colon), sender.indexOf('@') > 0 ? sender : null);
    }

    /** A delivery from its start and its result. */
    static LogDelivery delivery(Start start, Result result) {
        return LogDelivery.of("qmail-log",
                List.of(MtaLogLine.recipient(start.recipient(), result.action(), null, result.text(), null)),
                result.timestamp(), start.message());
    }

    /** multilog's TAI64N label, or the syslog head's time; null for neither. */
    private static String timestamp(String line) {
        if (line.startsWith("@")) {
            int end = line.indexOf(' ');
            return end > 1 ? line.substring(0, end) : null;
        }
        int program = line.indexOf("qmail");
        return program > 0 ? SyslogTime.of(line, program) : null;
    }
}
