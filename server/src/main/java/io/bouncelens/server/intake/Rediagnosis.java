package io.bouncelens.server.intake;

import io.bouncelens.server.store.BounceStore;

import java.util.List;
import java.util.function.Consumer;

/**
 * {@code bouncelens rediagnose}: reads every stored raw message again with the current knowledge
 * base and replaces its records, oldest first, one transaction per message so an interrupted run
 * leaves every message either fully old or fully new.
 */
public final class Rediagnosis {

    /**
     * What a run did.
     *
     * @param failures messages that could not be diagnosed (they keep no records)
     */
    public record Summary(long messages, long records, long failures, long suppressed) {
    }

    private final BounceStore store;
    private final BounceIntake intake;

    public Rediagnosis(BounceStore store) {
        this.store = store;
        this.intake = new BounceIntake(store, new IntakeCounters());
    }

    public Summary run(Consumer<String> progress) {
        long messages = 0;
        long records = 0;
        long failures = 0;
        long suppressed = 0;
        long after = 0;
        while (true) {
            List<Long> ids = store.messageIdsAfter(after, 200);
            if (ids.isEmpty()) break;
            for (long id : ids) {
                BounceIntake.Diagnosis diagnosis = intake.rediagnose(id);
                messages++;
                records += diagnosis.outcome().bounceIds().size();
                suppressed += diagnosis.outcome().suppressed().size();
                if (diagnosis.error() != null) failures++;
                after = id;
            }
            progress.accept("rediagnosed " + messages + " messages");
        }
        return new Summary(messages, records, failures, suppressed);
    }
}
