package io.bouncelens.cli;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.Reason;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.emit.DiagnosisWriter;
import io.bouncelens.emit.SummaryWords;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts for the closing lines on stderr of the commands that read logs and events, and the
 * writing of each line's or event's records they count.
 */
final class RecordTally {

    private final String unit;
    private long read;
    private long failed;
    private long delayed;
    private long delivered;
    private int errors;
    private final Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);

    /** @param unit what is read, plural ("lines", "events"): the key of its count in summary-words.tsv */
    RecordTally(String unit) {
        this.unit = unit;
    }

    void read() {
        read++;
    }

    void error() {
        errors++;
    }

    int errors() {
        return errors;
    }

    /**
     * Counts one line's or event's records and writes them under its number, the delivered ones
     * only when {@code all}; true when it wrote any.
     */
    boolean write(DiagnosisWriter out, String file, int number, List<BounceRecord> records, boolean all) throws IOException {
        List<BounceRecord> shown = new ArrayList<>(records.size());
        for (BounceRecord r : records) {
            if (all || !"delivered".equals(r.action())) shown.add(r);
            add(r);
        }
        if (shown.isEmpty()) return false;
        out.write(new MessageDiagnosis(file, number, MessageKind.BOUNCE, null, shown, false, List.of()));
        return true;
    }

    private void add(BounceRecord r) {
        switch (r.action() == null ? "" : r.action()) {
            case "delivered" -> delivered++;
            case "delayed" -> delayed++;
            default -> failed++;
        }
        if (!"delivered".equals(r.action()) && r.reason() != null) reasons.merge(r.reason(), 1, Integer::sum);
    }

    /** Two lines in the language: the totals, then the failures per reason, most frequent first. */
    String describe(Lang lang) {
        SummaryWords words = new SummaryWords(lang);
        StringBuilder b = new StringBuilder()
                .append(words.count(unit + "-read", read)).append(words.comma())
                .append(words.count("failed", failed)).append(words.comma())
                .append(words.count("deferred", delayed)).append(words.comma())
                .append(words.count("delivered", delivered)).append(words.comma())
                .append(words.count("errors", errors));
        if (!reasons.isEmpty()) b.append('\n').append(words.byReason(reasons));
        return b.toString();
    }
}
