package io.bouncelens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
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
        // In a class of its own so that verifying this one loads no server class.
        return new RediagnoseRun(this, spec.commandLine().getErr()).run();
    }
}
