package io.bouncelens.server.intake;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.log.LogReader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A piece of a mail server's log sent as one text (Postfix, Sendmail, Exim, qmail, OpenSMTPD, PowerMTA, Exchange):
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
     * @param lines       lines read; when truncated, up to the line whose records did not all fit
     * @param deliveredTo the addresses delivered to, each once (at most {@link #MAX_DELIVERIES}), whether
     *                    or not their records are among {@code records}
     * @param truncated   whether records were left out to keep within the limit
     */
    public record Reading(int lines, List<BounceRecord> records, List<String> deliveredTo, boolean truncated) {
        public Reading {
            records = List.copyOf(records);
            deliveredTo = List.copyOf(deliveredTo);
        }
    }

    /** Delivered addresses one piece keeps: they only move soft bounces' count, so more are let go. */
    static final int MAX_DELIVERIES = 100_000;

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
        Set<String> deliveredTo = new LinkedHashSet<>();
        int number = 0;
        for (int start = 0; start < text.length(); ) {
            int end = lineEnd(text, start);
            number++;
            String line = text.substring(start, Math.min(end, start + MAX_LINE_CHARS));
            for (BounceRecord r : bouncelens.logRecords(reader.read(line), lang, null, number)) {
                if (delivered(r, deliveredTo) && !all) continue;
                if (records.size() == maxRecords) return new Reading(number, records, List.copyOf(deliveredTo), true);
                records.add(r);
            }
            start = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
        }
        return new Reading(number, records, List.copyOf(deliveredTo), false);
    }

    /** Whether {@code r} is a delivery, noting its address in {@code deliveredTo} when there is room. */
    static boolean delivered(BounceRecord r, Set<String> deliveredTo) {
        if (!"delivered".equals(r.action())) return false;
        if (r.recipient() != null && deliveredTo.size() < MAX_DELIVERIES) deliveredTo.add(r.recipient());
        return true;
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
