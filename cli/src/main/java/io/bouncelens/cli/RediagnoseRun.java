package io.bouncelens.cli;

import io.bouncelens.server.intake.Rediagnosis;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Database;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/** Runs {@link RediagnoseCommand} with its options. */
final class RediagnoseRun {

    private final RediagnoseCommand options;
    private final PrintWriter err;

    RediagnoseRun(RediagnoseCommand options, PrintWriter err) {
        this.options = options;
        this.err = err;
    }

    int run() {
        StoreOptions where = options.store;
        try (Database database = StoreOpening.existing(where, "rediagnose", err)) {
            if (database == null) return 2;
            SuppressionPolicy policy = new SuppressionPolicy(where.softLimit, Duration.ofDays(where.softDays));
            BounceStore store = new BounceStore(database, policy, Clock.systemUTC());
            Rediagnosis.Summary s = new Rediagnosis(store).run(line -> err.println("bouncelens: " + line));
            err.println("bouncelens: rediagnosed " + s.messages() + " messages: " + s.records() + " records, "
                    + s.failures() + " could not be read, " + s.suppressed() + " addresses suppressed");
            return s.failures() > 0 ? 1 : 0;
        } catch (RuntimeException e) {
            err.println("bouncelens rediagnose: " + ServeCommand.oneLine(e));
            return 1;
        }
    }
}
