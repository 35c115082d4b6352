package io.bouncelens.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the bounce store lives and the suppression policy over it: the options {@code serve} and
 * {@code rediagnose} share, so that both read the same store the same way. Plain values only: no
 * server class loads before one of those commands runs.
 */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the embedded SQLite store (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", defaultValue = "${env:BOUNCELENS_DB}",
            description = "Use PostgreSQL instead, e.g. jdbc:postgresql://db/bouncelens?user=bl&password=... "
                    + "(default: $BOUNCELENS_DB, which keeps the password out of ps).")
    String db;

    @Option(names = "--soft-bounce-limit", paramLabel = "N", defaultValue = "3",
            description = "Soft bounces within --soft-bounce-days that suppress an address (default: ${DEFAULT-VALUE}).")
    int softLimit;

    @Option(names = "--soft-bounce-days", paramLabel = "DAYS", defaultValue = "7",
            description = "The window, in days, of --soft-bounce-limit (default: ${DEFAULT-VALUE}).")
    int softDays;

    /** What is wrong with the options, or null. */
    String problem() {
        return softLimit < 1 || softDays < 1 ? "--soft-bounce-limit and --soft-bounce-days must be at least 1" : null;
    }
}
