package io.bouncelens.server.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.server.json.RecordJson;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Diagnosed;
import io.bouncelens.server.store.IncomingMessage;
import io.bouncelens.server.store.MailboxCursor;
import io.bouncelens.server.store.StoreOutcome;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Diagnoses a received message and stores it with its records. A message that cannot be
 * diagnosed is still stored (with the error) so nothing received is lost and
 * {@code bouncelens rediagnose} can try again later. A piece of a mail server's log, and a sending
 * service's webhook body, are stored the same way, as a message whose source is {@link #LOG_SOURCE}
 * or {@link #EVENT_SOURCE}, and read by {@link LogText} or {@link EventText}.
 */
public final class BounceIntake {

    /** The source of a stored piece of a mail server's log: its lines are read, not parsed as MIME. */
    public static final String LOG_SOURCE = "log";
    /** The source of a stored webhook body of a sending service: its JSON events are read. */
    public static final String EVENT_SOURCE = "event";
    /**
     * Records one piece of a log or one webhook body may give, as a report's recipients are
     * bounded: a Sendmail line may name a thousand recipients, and a record is a hundred times the
     * bytes of its address. The API refuses to store a piece that gives more.
     */
    public static final int MAX_RECORDS = 10_000;

    private static final List<Lang> OTHER_LANGUAGES = List.of(Lang.ZH_CN, Lang.ZH_TW);

    private final BounceStore store;
    private final IntakeCounters counters;

    public BounceIntake(BounceStore store, IntakeCounters counters) {
        this.store = store;
        this.counters = counters;
    }

    /** Returns once the message, its records and their suppressions are committed. */
    public StoreOutcome accept(IncomingMessage message) {
        Diagnosis diagnosis = diagnose(message.source(), message.raw());
        StoreOutcome outcome = store.storeDiagnosed(message, diagnosis.records(), diagnosis.deliveredTo(), diagnosis.error());
        counters.stored(diagnosis.records().size(), outcome.suppressed().size(), diagnosis.error() != null);
        return outcome;
    }

    /**
     * Stores a message read from a mailbox and moves the mailbox's cursor past it, in one
     * transaction (see {@link BounceStore#storeFromMailbox}); null when another reader of the same
     * mailbox stored it first.
     */
    public StoreOutcome accept(IncomingMessage message, MailboxCursor passed) {
        Diagnosis diagnosis = diagnose(message.source(), message.raw());
        StoreOutcome outcome = store.storeFromMailbox(message, diagnosis.records(), diagnosis.error(), passed).orElse(null);
        if (outcome != null) {
            counters.stored(diagnosis.records().size(), outcome.suppressed().size(), diagnosis.error() != null);
        }
        return outcome;
    }

    /** The store the intake writes to. */
    public BounceStore store() {
        return store;
    }

    /** Reads a stored message again and replaces its records; the diagnosis error, if any, comes back too. */
    public Diagnosis rediagnose(long messageId) {
        byte[] raw = store.raw(messageId).orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        Diagnosis diagnosis = diagnose(store.source(messageId).orElse(null), raw);
        StoreOutcome outcome = store.replaceDiagnosed(messageId, diagnosis.records(), diagnosis.deliveredTo(),
                diagnosis.error());
        return new Diagnosis(diagnosis.records(), diagnosis.deliveredTo(), diagnosis.error(), outcome);
    }

    /**
     * Records are stored in English, with their explanation and fix in the other languages read
     * by diagnosing again in each (the decoder is deterministic, so the records line up).
     */
    static Diagnosis diagnose(String source, byte[] raw) {
        try {
            Function<Lang, Read> reading = LOG_SOURCE.equals(source) ? lang -> Read.of(LogText.read(text(raw), lang, false, MAX_RECORDS))
                    : EVENT_SOURCE.equals(source) ? lang -> Read.of(EventText.read(raw, lang, false, MAX_RECORDS))
                    : lang -> new Read(Bouncelens.diagnose(new ByteArrayInputStream(raw), lang), List.of());
            Read read = reading.apply(Lang.EN);
            List<BounceRecord> english = read.records();
            // a log's or a webhook's deliveries are no records, but they end the count of soft bounces before them
            List<String> deliveredTo = read.deliveredTo();
            Map<Lang, List<BounceRecord>> others = new LinkedHashMap<>();
            for (Lang lang : OTHER_LANGUAGES) others.put(lang, reading.apply(lang).records());
            List<Diagnosed> records = new ArrayList<>(english.size());
            for (int i = 0; i < english.size(); i++) records.add(new Diagnosed(english.get(i), adviceJson(others, i, english.size())));
            return new Diagnosis(records, deliveredTo, null, null);
        } catch (RuntimeException | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Diagnosis(List.of(), List.of(), why.length() > 500 ? why.substring(0, 500) : why, null);
        }
    }

    /**
     * What one reading in one language gave: the records, and the deliveries a log or webhook told
     * of. The API refuses a piece with more than {@link #MAX_RECORDS} records before storing it; a
     * later reader finding more keeps that many.
     */
    private record Read(List<BounceRecord> records, List<String> deliveredTo) {
        static Read of(LogText.Reading r) {
            return new Read(r.records(), r.deliveredTo());
        }

        static Read of(EventText.Reading r) {
            return new Read(r.records(), r.deliveredTo());
        }
    }

    private static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    private static String adviceJson(Map<Lang, List<BounceRecord>> others, int index, int expectedSize) {
        Map<String, Map<String, String>> advice = new LinkedHashMap<>();
        others.forEach((lang, records) -> {
            if (records.size() != expectedSize) return;
            BounceRecord r = records.get(index);
            Map<String, String> words = new LinkedHashMap<>();
            if (r.explanation() != null) words.put("explanation", r.explanation());
            if (r.fix() != null) words.put("fix", r.fix());
            if (!words.isEmpty()) advice.put(lang.tag(), words);
        });
        if (advice.isEmpty()) return null;
        try {
            return RecordJson.mapper().writeValueAsString(advice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param deliveredTo addresses a log's piece or a webhook's events tell were delivered to
     * @param outcome     what storing did; null before it is stored
     */
    public record Diagnosis(List<Diagnosed> records, List<String> deliveredTo, String error, StoreOutcome outcome) {
    }
}
