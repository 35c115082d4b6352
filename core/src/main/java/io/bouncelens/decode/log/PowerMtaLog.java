package io.bouncelens.decode.log;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.PowerMtaCategory;
import io.bouncelens.decode.SmtpText;

import java.util.List;

/**
 * PowerMTA's accounting file: CSV (RFC 4180) whose header line names the columns
 * ({@code type,timeLogged,orig,rcpt,...,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,...}) and
 * whose first column is the record's type: {@code b} a bounce, {@code rb} a bounce reported
 * later by the remote side, {@code t} a transient failure, {@code d} a delivery. Which columns a
 * file has is configurable, so they are found by their names. {@code bounceCat}, PowerMTA's own
 * class of a failure, is the format's hint ({@link PowerMtaCategory}).
 */
final class PowerMtaLog {

    private PowerMtaLog() {
    }

    /** Where the columns a record is read from stand, from the header line. */
    record Columns(int type, int timeLogged, int orig, int rcpt, int dsnStatus, int dsnDiag, int dsnMta, int bounceCat) {
    }

    /** The columns a header line names, or null when the line is no accounting header. */
    static Columns header(String line) {
        if (!line.startsWith("type,")) return null;
        List<String> names = CsvLine.fields(line);
        int rcpt = names.indexOf("rcpt");
        if (rcpt < 0) return null;
        return new Columns(0, names.indexOf("timeLogged"), names.indexOf("orig"), rcpt, names.indexOf("dsnStatus"),
                names.indexOf("dsnDiag"), names.indexOf("dsnMta"), names.indexOf("bounceCat"));
    }

    /** The delivery a record reports, or null for another record (received, feedback) or a malformed line. */
    static LogDelivery read(String line, Columns columns) {
        int comma = line.indexOf(',');
        if (comma < 1 || comma > 3) return null;
        String action = switch (line.substring(0, comma)) {
            case "b", "rb" -> "failed";
            case "t" -> "delayed";
            case "d" -> "delivered";
            default -> null;
        };
        if (action == null) return null;
        List<String> f = CsvLine.fields(line);
        String recipient = MtaLogLine.address(CsvLine.at(f, columns.rcpt()) == null ? "" : CsvLine.at(f, columns.rcpt()));
        if (recipient == null || recipient.indexOf('@') < 0) return null;
        String diagnostic = SmtpText.stripType(CsvLine.at(f, columns.dsnDiag()));
        String status = MtaLogLine.status(CsvLine.at(f, columns.dsnStatus()));
        String sender = CsvLine.at(f, columns.orig());
        FailedRecipient r = MtaLogLine.recipient(recipient, action, status, diagnostic,
                remoteMta(CsvLine.at(f, columns.dsnMta())));
        if (!action.equals("delivered")) {
            r = r.toBuilder().reasonHint(PowerMtaCategory.hint(CsvLine.at(f, columns.bounceCat()))).build();
        }
        return new LogDelivery("powermta-log", List.of(r), CsvLine.at(f, columns.timeLogged()), null,
                sender == null ? null : MtaLogLine.address(sender), null);
    }

    /** The host of a {@code dsnMta} value, "dns;mx.example.com (192.0.2.1)". */
    private static String remoteMta(String value) {
        String v = SmtpText.stripType(value);
        return v == null || v.isEmpty() ? null : MtaLogLine.host(v);
    }
}
