package io.bouncelens.decode.log;

import java.util.List;

/**
 * OpenSMTPD's delivery lines, one per recipient and attempt, as {@code smtpd} writes them to syslog:
 * {@code TIME HOST smtpd[PID]: SESSION mta delivery evpid=ID from=<ADDR> to=<ADDR> rcpt=<ADDR|->
 * source="IP" relay="IP (HOST)" delay=2s result="PermFail" stat="550 5.1.1 ..."} (and
 * {@code mda delivery} for a local mailbox, without source and relay). {@code PermFail} is a
 * failure, {@code TempFail} a delay, {@code Loop} a failure (the message came back round),
 * {@code Ok} a delivery; {@code stat} is the remote server's reply or OpenSMTPD's own account. The
 * line names its sender, so no earlier line is needed.
 */
final class OpenSmtpdLog {

    private OpenSmtpdLog() {
    }

    static LogDelivery read(String line) {
        int program = line.indexOf("smtpd");
        if (program < 0) return null;
        int delivery = line.indexOf(" delivery evpid=", program);
        if (delivery < 4 || !(line.startsWith("mta", delivery - 3) || line.startsWith("mda", delivery - 3))) return null;
        String result = quoted(line, "result=", delivery);
        String action = result == null ? null : switch (result) {
            case "PermFail", "Loop" -> "failed";
            case "TempFail" -> "delayed";
            case "Ok" -> "delivered";
            default -> null;
        };
        if (action == null) return null;
        String to = MtaLogLine.spaced(line, "to=", delivery);
        String recipient = to == null ? null : MtaLogLine.address(to);
        if (recipient == null || recipient.indexOf('@') < 0) return null;
        String from = MtaLogLine.spaced(line, "from=", delivery);
        String stat = statText(line, delivery);
        String relay = quoted(line, "relay=", delivery);
        String evpid = MtaLogLine.spaced(line, "evpid=", delivery);
        LogDelivery d = LogDelivery.of("opensmtpd-log",
                List.of(MtaLogLine.recipient(recipient, action, null, action.equals("delivered") ? null : stat,
                        relayHost(relay))),
                SyslogTime.of(line, program), evpid);
        String sender = from == null ? null : MtaLogLine.address(from);
        return sender == null ? d : d.withMessage(sender, null);
    }

    /** The value of {@code key="..."}: up to the next quote; null when the line has no such field. */
    private static String quoted(String line, String key, int from) {
        int at = line.indexOf(" " + key + "\"", from);
        if (at < 0) return null;
        int start = at + key.length() + 2;
        int end = line.indexOf('"', start);
        return end < 0 ? null : line.substring(start, end);
    }

    /** {@code stat="..."}, the last field: to the line's last quote, as the reply may hold quotes itself. */
    private static String statText(String line, int from) {
        int at = line.indexOf(" stat=\"", from);
        if (at < 0) return null;
        int start = at + 7;
        int end = line.lastIndexOf('"');
        return end < start ? line.substring(start) : line.substring(start, end);
    }

    /** The host in {@code relay="203.0.113.5 (mx.example.com)"}. */
    private static String relayHost(String relay) {
        if (relay == null) return null;
        int open = relay.indexOf('(');
        int close = relay.lastIndexOf(')');
        return open >= 0 && close > open ? MtaLogLine.host(relay.substring(open + 1, close)) : null;
    }
}
