package io.bouncelens.decode.log;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one log line after another, as the server wrote them, and remembers what earlier lines
 * said about each message, so that a delivery line gets its message's sender and Message-ID
 * (Postfix's {@code from=} and {@code message-id=} lines, Sendmail's {@code from=... msgid=},
 * Exim's arrival line), qmail's result line gets the recipient its start line named, and the
 * records of a PowerMTA accounting file and of an Exchange message tracking log are read by the
 * columns their header lines name. What is
 * remembered is bounded: the oldest messages are forgotten first. One reader per log; not
 * thread-safe.
 */
public final class LogReader {

    /** Messages (and qmail deliveries) remembered at once. */
    static final int MAX_REMEMBERED = 50_000;

    private record Message(String sender, String messageId) {
    }

    private final Map<String, Message> messages = bounded();
    private final Map<String, QmailLog.Start> qmailStarts = bounded();
    /** A PowerMTA accounting file's columns, once its header line was read. */
    private PowerMtaLog.Columns powerMta;
    /** An Exchange message tracking log's columns, once its {@code #Fields:} line was read. */
    private ExchangeTrackingLog.Columns exchange;

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };
    }

    /** The delivery the line reports, with what earlier lines said of its message; null when it reports none. */
    public LogDelivery read(String text) {
        // a byte order mark before a file's first line (Exchange writes one) is not part of the line
        String line = text != null && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        if (line == null || line.isEmpty()) return null;
        PowerMtaLog.Columns header = PowerMtaLog.header(line);
        if (header != null) {
            powerMta = header;
            return null;
        }
        if (powerMta != null) {
            LogDelivery record = PowerMtaLog.read(line, powerMta);
            if (record != null) return record;
        }
        if (line.charAt(0) == '#') {
            ExchangeTrackingLog.Columns fields = ExchangeTrackingLog.header(line);
            if (fields != null) exchange = fields;
            return null; // a comment line of the tracking log's head
        }
        if (exchange != null) {
            // syslog lines with ISO times start like an event too: they are read on when not one
            LogDelivery event = ExchangeTrackingLog.read(line, exchange);
            if (event != null) return event;
        }
        LogDelivery d = MtaLogLine.read(line);
        if (d != null) {
            Message m = d.queueId() == null ? null : messages.get(d.format() + " " + d.queueId());
            return m == null ? d : d.withMessage(m.sender(), m.messageId());
        }
        if (noteSyslogMessage(line) || noteEximArrival(line)) return null;
        return qmail(line);
    }

    /** Postfix's {@code QID: from=<..>} and {@code QID: message-id=<..>}, Sendmail's {@code QID: from=<..>, ..., msgid=<..>}. */
    private boolean noteSyslogMessage(String line) {
        String format = line.contains("postfix") ? "postfix-log" : SendmailLog.program(line) >= 0 ? "sendmail-log" : null;
        if (format == null) return false;
        int from = line.indexOf(": from=");
        if (from > 0) {
            String id = MtaLogLine.queueIdBefore(line, from);
            if (id == null) return false;
            String sender = MtaLogLine.address(MtaLogLine.field(line, "from=", from));
            String msgid = MtaLogLine.field(line, "msgid=", from);
            remember(format + " " + id, sender, msgid == null ? null : MtaLogLine.address(msgid));
            return true;
        }
        int messageId = line.indexOf(": message-id=");
        if (messageId > 0) {
            String id = MtaLogLine.queueIdBefore(line, messageId);
            if (id == null) return false;
            String value = line.substring(messageId + 13).strip();
            int space = value.indexOf(' ');
            remember(format + " " + id, null, MtaLogLine.address(space < 0 ? value : value.substring(0, space)));
            return true;
        }
        return false;
    }

    private boolean noteEximArrival(String line) {
        EximLog.Arrival a = EximLog.arrival(line);
        if (a == null) return false;
        remember("exim-log " + a.eximId(), a.sender(), a.messageId());
        return true;
    }

    /** What one line adds about a message: a sender, a Message-ID or both, kept beside what was known. */
    private void remember(String key, String sender, String messageId) {
        Message known = messages.get(key);
        String s = sender != null && sender.indexOf('@') > 0 ? sender : known == null ? null : known.sender();
        String m = messageId != null ? messageId : known == null ? null : known.messageId();
        if (s != null || m != null) messages.put(key, new Message(s, m));
    }

    private LogDelivery qmail(String line) {
        QmailLog.Info info = QmailLog.info(line);
        if (info != null) {
            remember("qmail-log " + info.message(), info.sender(), null);
            return null;
        }
        QmailLog.Start start = QmailLog.start(line);
        if (start != null) {
            qmailStarts.put(start.delivery(), start);
            return null;
        }
        QmailLog.Result result = QmailLog.result(line);
        if (result == null) return null;
        QmailLog.Start started = qmailStarts.remove(result.delivery());
        if (started == null) return null; // its start was before the log began
        LogDelivery d = QmailLog.delivery(started, result);
        Message m = messages.get("qmail-log " + started.message());
        return m == null ? d : d.withMessage(m.sender(), m.messageId());
    }
}
