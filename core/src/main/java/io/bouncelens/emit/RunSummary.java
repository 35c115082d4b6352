package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.Reason;
import io.bouncelens.decode.MessageKind;

import java.util.EnumMap;
import java.util.Map;

/** Counts of a run for the closing lines on stderr: messages, bounces, reasons, errors. */
public final class RunSummary {

    private int messages;
    private int records;
    private int errors;
    private final Map<MessageKind, Integer> kinds = new EnumMap<>(MessageKind.class);
    private final Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);

    public void add(MessageDiagnosis d) {
        if (!d.problems().isEmpty()) errors++;
        if (d.unread()) return; // a missing or empty file: an error, but no message read
        messages++;
        kinds.merge(d.kind(), 1, Integer::sum);
        for (BounceRecord r : d.records()) {
            records++;
            if (r.reason() != null) reasons.merge(r.reason(), 1, Integer::sum);
        }
    }

    /** Inputs with at least one problem (unreadable, cut short, malformed). */
    public int errors() {
        return errors;
    }

    public int messages() {
        return messages;
    }

    /** Two lines in the language: the totals, then the records per reason, most frequent first. */
    public String describe(Lang lang) {
        SummaryWords words = new SummaryWords(lang);
        StringBuilder b = new StringBuilder();
        b.append(words.count("messages-read", messages)).append(words.comma())
                .append(words.count("bounces", count(MessageKind.BOUNCE))).append(words.comma())
                .append(words.count("records", records));
        for (MessageKind k : new MessageKind[]{MessageKind.DELIVERED, MessageKind.FEEDBACK, MessageKind.VACATION,
                MessageKind.NOT_BOUNCE}) {
            if (count(k) > 0) b.append(words.comma()).append(words.count("kind." + k.label(), count(k)));
        }
        b.append(words.comma()).append(words.count("errors", errors));
        if (!reasons.isEmpty()) b.append('\n').append(words.byReason(reasons));
        return b.toString();
    }

    private int count(MessageKind k) {
        return kinds.getOrDefault(k, 0);
    }
}
