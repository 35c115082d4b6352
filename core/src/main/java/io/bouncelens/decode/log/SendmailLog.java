package io.bouncelens.decode.log;

import io.bouncelens.decode.DeliveryStatusReader;
import io.bouncelens.decode.FailedRecipient;

import java.util.ArrayList;
import java.util.List;

/**
 * Sendmail's delivery lines in syslog, under its own name or, as Debian and Ubuntu run it, as
 * {@code sm-mta} (the daemon) and {@code sm-msp-queue} (the submission queue):
 * {@code TIME HOST sendmail[PID]: QUEUEID: to=<A>,<B>, ctladdr=.., delay=.., mailer=esmtp,
 * relay=HOST. [IP], dsn=X.Y.Z, stat=TEXT}. {@code stat} is the last field and runs to the end of
 * the line ("Sent (...)", "Deferred: Connection refused by ...", "User unknown"); one line may
 * name several recipients.
 */
final class SendmailLog {

    private SendmailLog() {
    }

    /** Where the line's Sendmail program tag starts, or -1 when it has none. */
    static int program(String line) {
        int at = line.indexOf("sendmail[");
        if (at < 0) at = line.indexOf("sm-mta[");
        if (at < 0) at = line.indexOf("sm-msp-queue[");
        return at;
    }

    static LogDelivery read(String line) {
        int program = program(line);
        if (program < 0) return null;
        int to = line.indexOf(": to=", program);
        if (to < 0) return null;
        int statAt = line.indexOf(", stat=", to);
        if (statAt < 0) return null;
        String stat = line.substring(statAt + 7).strip();
        if (stat.startsWith("queued")) return null; // put in the queue (queue-only mode): nothing tried yet
        String status = MtaLogLine.status(MtaLogLine.field(line, "dsn=", to));
        String action = DeliveryStatusReader.actionOfStatus(status);
        if (action == null) {
            if (stat.startsWith("Sent")) action = "delivered";
            else if (stat.startsWith("Deferred")) action = "delayed";
            else action = "failed";
        }
        String relay = MtaLogLine.host(MtaLogLine.field(line, "relay=", to));
        // the same result for each recipient: the text is read once
        FailedRecipient result = MtaLogLine.recipient(null, action, status, stat, relay);
        List<FailedRecipient> recipients = new ArrayList<>();
        // "to=<a@x>,<b@y>, delay=...": the recipients are separated by commas without a space
        String list = MtaLogLine.field(line, "to=", to);
        for (int start = 0; start < list.length() && recipients.size() < 1_000; ) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? list.length() : comma;
            String address = MtaLogLine.address(list.substring(start, end));
            if (address != null) recipients.add(result.toBuilder().recipient(address).build());
            start = end + 1;
        }
        if (recipients.isEmpty()) return null;
        return LogDelivery.of("sendmail-log", recipients, SyslogTime.of(line, program), MtaLogLine.queueIdBefore(line, to));
    }
}
