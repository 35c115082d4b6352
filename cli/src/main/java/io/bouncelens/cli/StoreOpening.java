package io.bouncelens.cli;

import io.bouncelens.server.store.Database;

import java.io.PrintWriter;

/**
 * Opens the store {@link StoreOptions} name for a command that works on an existing one
 * (rediagnose, prune). Not in {@code StoreOptions} itself: picocli reads that class for every
 * command, and the server's classes must load only for the commands that use them.
 */
final class StoreOpening {

    private StoreOpening() {
    }

    /** The store, or null after saying on {@code err} why there is none to open (then exit 2). */
    static Database existing(StoreOptions where, String command, PrintWriter err) {
        if (where.problem() != null) {
            err.println("bouncelens " + command + ": " + where.problem());
            return null;
        }
        if (where.db == null && !where.data.resolve("bouncelens.db").toFile().isFile()) {
            err.println("bouncelens " + command + ": no store at " + where.data.resolve("bouncelens.db") + " (use --data or --db)");
            return null;
        }
        return where.db == null ? Database.embedded(where.data) : Database.open(where.db);
    }
}
