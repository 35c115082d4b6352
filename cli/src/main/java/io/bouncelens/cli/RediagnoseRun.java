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
        if (options.softLimit < 1 || options.softDays < 1) {
            err.println("bouncelens rediagnose: --soft-bounce-limit and --soft-bounce-days must be at least 1");
            return 2;
        }
        if (options.db == null && !options.data.resolve("bouncelens.db").toFile().isFile()) {
            err.println("bouncelens rediagnose: no store at " + options.data.resolve("bouncelens.db") + " (use --data or --db)");
            return 2;
        }
        try (Database database = options.db == null ? Database.embedded(options.data) : Database.open(options.db)) {
            SuppressionPolicy policy = new SuppressionPolicy(options.softLimit, Duration.ofDays(options.softDays));
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
