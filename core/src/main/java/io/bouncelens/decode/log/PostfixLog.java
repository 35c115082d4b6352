package io.bouncelens.decode.log;

import java.util.List;

/**
 * Postfix's delivery lines, as its delivery agents (smtp, lmtp, local, virtual, pipe, error)
 * write them to syslog:
 * {@code TIME HOST postfix/smtp[PID]: QUEUEID: to=<ADDR>, [orig_to=<..>,] relay=HOST[IP]:PORT,
 * delay=.., delays=.., dsn=X.Y.Z, status=bounced (TEXT)}. {@code bounced} is a failure,
 * {@code deferred} a delay, {@code sent} a delivery; the text in parentheses is the server's
 * reply or Postfix's own account of the failure.
 */
final class PostfixLog {

    private PostfixLog() {
    }

    static LogDelivery read(String line) {
        int program = line.indexOf("postfix");
        if (program < 0) return null;
        int to = line.indexOf(": to=", program);
        if (to < 0) return null;
        int statusAt = line.indexOf(", status=", to);
        if (statusAt < 0) return null;
        int valueStart = statusAt + 9;
        int valueEnd = valueStart;
        while (valueEnd < line.length() && Character.isLetter(line.charAt(valueEnd))) valueEnd++;
        String action = switch (line.substring(valueStart, valueEnd)) {
            case "bounced", "undeliverable" -> "failed";
            // SOFTBOUNCE: a failure that soft_bounce=yes turned into a deferral
            case "deferred", "SOFTBOUNCE" -> "delayed";
            case "sent", "deliverable" -> "delivered";
            default -> null;
        };
        if (action == null) return null;
        String recipient = MtaLogLine.address(MtaLogLine.field(line, "to=", to));
        if (recipient == null) return null;
        String text = null;
        int open = line.indexOf('(', valueEnd);
        if (open >= 0) {
            int close = line.lastIndexOf(')');
            text = line.substring(open + 1, close > open ? close : line.length());
        }
        String status = MtaLogLine.status(MtaLogLine.field(line, "dsn=", to));
        String relay = MtaLogLine.host(MtaLogLine.field(line, "relay=", to));
        return LogDelivery.of("postfix-log", List.of(MtaLogLine.recipient(recipient, action, status, text, relay)),
                SyslogTime.of(line, program), MtaLogLine.queueIdBefore(line, to));
    }
}
