package io.bouncelens.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code serve --imap} and {@code imap} log in to a mailbox, and which certificates they trust.
 * {@code serve} may read several mailboxes: each option is then given once, for all of them, or
 * once per {@code --imap}, in the same order. Only cli types here: picocli reads this class for
 * every command, and the server's classes must load only for those two ({@link ImapLogins} turns
 * these options into the server's logins).
 */
final class ImapLoginOptions {

    @Option(names = "--imap-auth", paramLabel = "password|xoauth2", defaultValue = "password",
            description = "How to log in to the mailbox: a password, or an OAuth 2.0 access token "
                    + "(XOAUTH2: Microsoft 365, Gmail) (default: ${DEFAULT-VALUE}).")
    List<String> auth = new ArrayList<>();

    @Option(names = "--imap-secret-file", paramLabel = "FILE",
            description = "A file holding the password or token instead of $BOUNCELENS_IMAP_PASSWORD, read again "
                    + "before every connection, so that a renewed token only has to be written there.")
    List<Path> secretFile = new ArrayList<>();

    @Option(names = "--imap-trust", paramLabel = "FILE",
            description = "PEM certificates to trust for the mailbox server's TLS instead of Java's CAs: its own "
                    + "self-signed certificate or the CA that signed it. Its name is still checked.")
    List<Path> trust = new ArrayList<>();

    /** Whether mailbox {@code i} of {@code count} logs in with XOAUTH2; IllegalArgumentException with a one-line reason. */
    boolean oauth(int i, int count) {
        String given = pick("--imap-auth", auth, i, count);
        return switch (given) {
            case "password" -> false;
            case "xoauth2" -> true;
            default -> throw new IllegalArgumentException("--imap-auth: password or xoauth2, not " + given);
        };
    }

    Path secretFile(int i, int count) {
        return pick("--imap-secret-file", secretFile, i, count);
    }

    Path trust(int i, int count) {
        return pick("--imap-trust", trust, i, count);
    }

    /** The value for mailbox {@code i}: none, the one given for all, or the i-th of one per mailbox. */
    private static <T> T pick(String option, List<T> given, int i, int count) {
        if (given.isEmpty()) return null;
        if (given.size() == 1) return given.get(0);
        if (given.size() == count) return given.get(i);
        throw new IllegalArgumentException(option + " is given " + given.size() + " times for " + count
                + " mailboxes: give it once for all, or once per --imap in the same order");
    }
}
