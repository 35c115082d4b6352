package io.bouncelens.emit;

import io.bouncelens.BounceRecord;

import java.io.IOException;

/**
 * Records as CSV (RFC 4180): a header line with the JSON field names, then one line per record.
 * Fields holding a comma, quote or line break are quoted, quotes doubled; line breaks inside a
 * server's text are kept (quoted) so nothing is lost.
 */
public final class CsvRecordWriter {

    public static final String[] COLUMNS = {
            "file", "message", "recipient", "addresser", "action", "reason", "hardBounce", "status", "replyCode",
            "diagnosticCode", "command", "remoteHost", "reportingMta", "decodedBy", "provider", "providerCode",
            "actor", "retry", "explanation", "fix", "evidence", "timestamp", "messageId", "subject",
            "feedbackType", "truncated"};

    private final Appendable out;
    private boolean headerWritten;

    /** @param out where lines go: a {@link java.io.Writer}, or a {@link StringBuilder} to render in memory */
    public CsvRecordWriter(Appendable out) {
        this.out = out;
    }

    /** Writes the header line once; called by the first {@link #write}, or directly for an empty result. */
    public void writeHeader() throws IOException {
        if (headerWritten) return;
        headerWritten = true;
        for (int i = 0; i < COLUMNS.length; i++) {
            if (i > 0) out.append(',');
            out.append(COLUMNS[i]);
        }
        out.append("\r\n");
    }

    /** Writes one record, after the header line if none was written yet. */
    public void write(BounceRecord r) throws IOException {
        writeHeader();
        writeRecord(r);
    }

    /** Writes one record line alone, for output whose header is written elsewhere. */
    public void writeRecord(BounceRecord r) throws IOException {
        Object[] values = {
                r.file(), r.message() == 0 ? null : r.message(), r.recipient(), r.addresser(), r.action(),
                r.reason() == null ? null : r.reason().label(), r.hardBounce(), r.status(), r.replyCode(),
                r.diagnosticCode(), r.command(), r.remoteHost(), r.reportingMta(), r.decodedBy(), r.provider(),
                r.providerCode(), r.actor() == null ? null : r.actor().label(),
                r.retry() == null ? null : r.retry().label(), r.explanation(), r.fix(), r.evidence(),
                r.timestamp(), r.messageId(), r.subject(), r.feedbackType(), r.truncated()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.append(',');
            if (values[i] != null) field(out, String.valueOf(values[i]));
        }
        out.append("\r\n");
    }

    /** One field as RFC 4180 wants it: quoted when it holds a comma, a quote, a line end or edge spaces. */
    public static void field(Appendable out, String v) throws IOException {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ')) quote = true;
        if (!quote) {
            out.append(v);
            return;
        }
        // copied in runs up to and including each quote, which is then doubled: the explanations
        // and fixes, quoted for their commas, are most of a record's characters
        out.append('"');
        int run = 0;
        for (int q = v.indexOf('"'); q >= 0; q = v.indexOf('"', q + 1)) {
            out.append(v, run, q + 1).append('"');
            run = q + 1;
        }
        out.append(v, run, v.length()).append('"');
    }
}
