package io.bouncelens.server.intake;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.IncomingMessage;
import io.bouncelens.server.store.StoreOutcome;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Diagnoses a received message and stores it with its records. A message that cannot be
 * diagnosed is still stored (with the error) so nothing received is lost and
 * {@code bouncelens rediagnose} can try again later.
 */
public final class BounceIntake {

    private final BounceStore store;
    private final IntakeCounters counters;

    public BounceIntake(BounceStore store, IntakeCounters counters) {
        this.store = store;
        this.counters = counters;
    }

    /** Returns once the message, its records and their suppressions are committed. */
    public StoreOutcome accept(IncomingMessage message) {
        Diagnosis diagnosis = diagnose(message.raw());
        StoreOutcome outcome = store.store(message, diagnosis.records(), diagnosis.error());
        counters.stored(diagnosis.records().size(), outcome.suppressed().size(), diagnosis.error() != null);
        return outcome;
    }

    /** Reads a stored message again and replaces its records. */
    public StoreOutcome rediagnose(long messageId) {
        byte[] raw = store.raw(messageId).orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        Diagnosis diagnosis = diagnose(raw);
        return store.replaceRecords(messageId, diagnosis.records(), diagnosis.error());
    }

    /** Records are stored in English; the API explains them again in other languages on request. */
    static Diagnosis diagnose(byte[] raw) {
        try {
            return new Diagnosis(List.copyOf(Bouncelens.diagnose(new ByteArrayInputStream(raw), Lang.EN)), null);
        } catch (RuntimeException | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Diagnosis(List.of(), why.length() > 500 ? why.substring(0, 500) : why);
        }
    }

    record Diagnosis(List<BounceRecord> records, String error) {
    }
}
