package io.bouncelens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bouncelens prune}: the store's retention, for disk space and for data kept no longer than needed. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Removes stored messages older than --older-than days, with their raw bytes and records.",
                "The suppression list stays whole: an entry keeps its reason and time, only not its bounce."})
final class PruneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--older-than", paramLabel = "DAYS", required = true,
            description = "Remove what was received more than this many days ago (at least 1).")
    int days;

    @Option(names = "--vacuum",
            description = "Then give the freed space back to the disk (SQLite: VACUUM, which rewrites the file, needs "
                    + "as much free space again, and keeps a running server from storing meanwhile: best at a quiet hour). "
                    + "PostgreSQL's autovacuum needs no help.")
    boolean vacuum;

    @Override
    public Integer call() {
        // In a class of its own so that verifying this one loads no server class.
        return new PruneRun(this, spec.commandLine().getErr()).run();
    }
}
