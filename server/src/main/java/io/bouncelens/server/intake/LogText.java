package io.bouncelens.server.intake;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.log.LogReader;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a mail server's log sent as one text (Postfix, Sendmail, Exim, qmail, PowerMTA):
 * a record per failed or deferred recipient, each with its line's number as {@code message}, as
 * {@code bouncelens logs} reads a file. The piece is read as one log, so lines later in it are
 * read with what earlier ones said about each message (its sender, its Message-ID).
 */
public final class LogText {

    /** A longer line is cut here, as the command cuts it. */
    public static final int MAX_LINE_CHARS = 64 * 1024;

    /**
     * What reading a piece gave.
     *
     * @param lines     lines read; when truncated, up to the line whose records did not all fit
     * @param truncated whether records were left out to keep within the limit
     */
    public record Reading(int lines, List<BounceRecord> records, boolean truncated) {
        public Reading {
            records = List.copyOf(records);
        }
    }

    private LogText() {
    }

    /**
     * Reads {@code text} in {@code lang}, keeping at most {@code maxRecords}.
     *
     * @param all whether delivered recipients give records too
     */
    public static Reading read(String text, Lang lang, boolean all, int maxRecords) {
        Bouncelens bouncelens = Bouncelens.standard();
        LogReader reader = new LogReader();
        List<BounceRecord> records = new ArrayList<>();
        int number = 0;
        for (int start = 0; start < text.length(); ) {
            int end = lineEnd(text, start);
            number++;
            String line = text.substring(start, Math.min(end, start + MAX_LINE_CHARS));
            for (BounceRecord r : bouncelens.logRecords(reader.read(line), lang, null, number)) {
                if (!all && "delivered".equals(r.action())) continue;
                if (records.size() == maxRecords) return new Reading(number, records, true);
                records.add(r);
            }
            start = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
        }
        return new Reading(number, records, false);
    }

    /** Where the line starting at {@code from} ends: at its LF or CR, or at the end of the text. */
    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return i;
        }
        return text.length();
    }
}
