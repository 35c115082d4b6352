package io.bouncelens.cli;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.emit.DiagnosisWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private final Map<String, Integer> reasons = new TreeMap<>();

    /** @param unit what is read, singular ("line", "event") */
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
        if (!"delivered".equals(r.action()) && r.reason() != null) reasons.merge(r.reason().label(), 1, Integer::sum);
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        b.append(read).append(' ').append(unit).append(read == 1 ? "" : "s").append(" read, ")
                .append(failed).append(" failed, ").append(delayed).append(" deferred, ")
                .append(delivered).append(" delivered, ")
                .append(errors).append(errors == 1 ? " error" : " errors");
        if (!reasons.isEmpty()) {
            b.append("\nby reason:");
            reasons.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                    .forEach(e -> b.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(','));
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }
}
