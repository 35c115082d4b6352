package io.bouncelens.cli;

import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Database;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Runs {@link PruneCommand} with its options. */
final class PruneRun {

    private final PruneCommand options;
    private final PrintWriter err;

    PruneRun(PruneCommand options, PrintWriter err) {
        this.options = options;
        this.err = err;
    }

    int run() {
        if (options.days < 1) {
            err.println("bouncelens prune: --older-than must be at least 1 day");
            return 2;
        }
        Clock clock = Clock.systemUTC();
        Instant before = clock.instant().minus(Duration.ofDays(options.days));
        try (Database database = StoreOpening.existing(options.store, "prune", err)) {
            if (database == null) return 2;
            BounceStore store = new BounceStore(database, SuppressionPolicy.defaults(), clock);
            BounceStore.Pruned p = store.pruneBefore(before.toEpochMilli());
            err.println("bouncelens: pruned " + p.messages() + " messages and " + p.records() + " records received before "
                    + before + ", and " + p.changes() + " older changes from the list's journal; the suppression list stays whole");
            if (options.vacuum) {
                BounceStore.Compacted c = store.compact();
                err.println(c == null ? "bouncelens: PostgreSQL's autovacuum makes the freed space reusable; nothing more to do"
                        : "bouncelens: store compacted from " + megabytes(c.before()) + " to " + megabytes(c.after()));
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("bouncelens prune: " + ServeCommand.oneLine(e));
            return 1;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
