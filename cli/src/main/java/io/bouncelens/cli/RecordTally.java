package io.bouncelens.cli;

import io.bouncelens.BounceRecord;

import java.util.Map;
import java.util.TreeMap;

/** The counts for the closing lines on stderr of the commands that read logs and events. */
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

    void add(BounceRecord r) {
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
