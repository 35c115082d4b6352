package io.bouncelens.cli;

import io.bouncelens.server.intake.Rediagnosis;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code bouncelens rediagnose}: reads the stored raw messages again after the knowledge base improved. */
@Command(name = "rediagnose", mixinStandardHelpOptions = true,
        description = {"Diagnoses every stored raw message again and replaces its records.",
                "Suppressions its old records caused are lifted, then the policy runs on the new ones; manual entries stay."})
final class RediagnoseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the embedded SQLite store (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "A PostgreSQL store instead.")
    String db;

    @Option(names = "--soft-bounce-limit", paramLabel = "N", defaultValue = "3", description = "As for serve (default: ${DEFAULT-VALUE}).")
    int softLimit;

    @Option(names = "--soft-bounce-days", paramLabel = "DAYS", defaultValue = "7", description = "As for serve (default: ${DEFAULT-VALUE}).")
    int softDays;

    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (softLimit < 1 || softDays < 1) {
            err.println("bouncelens rediagnose: --soft-bounce-limit and --soft-bounce-days must be at least 1");
            return 2;
        }
        if (db == null && !data.resolve("bouncelens.db").toFile().isFile()) {
            err.println("bouncelens rediagnose: no store at " + data.resolve("bouncelens.db") + " (use --data or --db)");
            return 2;
        }
        try (Database database = db == null ? Database.embedded(data) : Database.open(db)) {
            BounceStore store = new BounceStore(database, new SuppressionPolicy(softLimit, Duration.ofDays(softDays)), Clock.systemUTC());
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
