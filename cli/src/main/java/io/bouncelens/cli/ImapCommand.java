package io.bouncelens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code bouncelens imap URL}: diagnoses every message of a mailbox folder on an IMAP server, once,
 * as {@code diagnose} does a local mailbox: for a look at the bounces that have piled up in a
 * mailbox without running a server. Read-only, as the server's IMAP intake. The IMAP client loads
 * only when this command runs ({@link ImapRead}).
 */
@Command(name = "imap", mixinStandardHelpOptions = true,
        description = {"Diagnoses every message of a mailbox folder on an IMAP server, as diagnose does a mailbox file.",
                "Read-only: nothing in the mailbox is flagged, moved or deleted. The password (or token) comes from "
                        + "$BOUNCELENS_IMAP_PASSWORD or --imap-secret-file."})
final class ImapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--all", description = "also list messages that are not bounces, with their kind")
    boolean all;

    @Mixin
    ImapLoginOptions login = new ImapLoginOptions();

    @Option(names = "--max-message-size", paramLabel = "BYTES", defaultValue = "33554432",
            description = "Bytes of a message read at most; a longer one is read that far and marked truncated "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxMessageBytes;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD",
            description = "Only the messages that arrived on this day or later (IMAP compares days, not times).")
    java.time.LocalDate since;

    @Parameters(paramLabel = "URL", description = "imaps://USER@HOST[:PORT][/FOLDER] (a user with @ written %%40)")
    String url;

    @Override
    public Integer call() throws Exception {
        return new ImapRead(this, spec.commandLine()).run();
    }
}
