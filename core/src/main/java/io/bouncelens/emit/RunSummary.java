package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.decode.MessageKind;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a run for the closing lines on stderr: messages, bounces, reasons, errors. */
public final class RunSummary {

    private int messages;
    private int records;
    private int errors;
    private final Map<MessageKind, Integer> kinds = new EnumMap<>(MessageKind.class);
    private final Map<String, Integer> reasons = new TreeMap<>();

    public void add(MessageDiagnosis d) {
        if (!d.problems().isEmpty()) errors++;
        if (d.unread()) return; // a missing or empty file: an error, but no message read
        messages++;
        kinds.merge(d.kind(), 1, Integer::sum);
        for (BounceRecord r : d.records()) {
            records++;
            if (r.reason() != null) reasons.merge(r.reason().label(), 1, Integer::sum);
        }
    }

    /** Inputs with at least one problem (unreadable, cut short, malformed). */
    public int errors() {
        return errors;
    }

    public int messages() {
        return messages;
    }

    /** Two lines: the totals, then the records per reason, most frequent first. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(messages).append(messages == 1 ? " message read, " : " messages read, ")
                .append(count(MessageKind.BOUNCE)).append(count(MessageKind.BOUNCE) == 1 ? " bounce, " : " bounces, ")
                .append(records).append(records == 1 ? " record" : " records");
        for (MessageKind k : new MessageKind[]{MessageKind.DELIVERED, MessageKind.FEEDBACK, MessageKind.VACATION,
                MessageKind.NOT_BOUNCE}) {
            if (count(k) > 0) b.append(", ").append(count(k)).append(' ').append(k.label());
        }
        b.append(", ").append(errors).append(errors == 1 ? " error" : " errors");
        if (!reasons.isEmpty()) {
            b.append("\nby reason:");
            Map<String, Integer> sorted = new LinkedHashMap<>();
            reasons.entrySet().stream()
                    .sorted((x, y) -> y.getValue() - x.getValue())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.forEach((reason, n) -> b.append(' ').append(reason).append(' ').append(n).append(','));
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private int count(MessageKind k) {
        return kinds.getOrDefault(k, 0);
    }
}
