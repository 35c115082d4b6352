package io.bouncelens.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * How {@code serve --imap} and {@code imap} log in to a mailbox, and which certificates they trust. Only cli types here: picocli reads
 * this class for every command, and the server's classes must load only for those two
 * ({@link ImapLogins} turns these options into the server's login).
 */
final class ImapLoginOptions {

    @Option(names = "--imap-auth", paramLabel = "password|xoauth2", defaultValue = "password",
            description = "How to log in to the mailbox: a password, or an OAuth 2.0 access token "
                    + "(XOAUTH2: Microsoft 365, Gmail) (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--imap-secret-file", paramLabel = "FILE",
            description = "A file holding the password or token instead of $BOUNCELENS_IMAP_PASSWORD, read again "
                    + "before every connection, so that a renewed token only has to be written there.")
    Path secretFile;

    @Option(names = "--imap-trust", paramLabel = "FILE",
            description = "PEM certificates to trust for the mailbox server's TLS instead of Java's CAs: its own "
                    + "self-signed certificate or the CA that signed it. Its name is still checked.")
    Path trust;

    /** Whether the login is XOAUTH2; throws IllegalArgumentException with a one-line reason for a wrong --imap-auth. */
    boolean oauth() {
        return switch (auth) {
            case "password" -> false;
            case "xoauth2" -> true;
            default -> throw new IllegalArgumentException("--imap-auth: password or xoauth2, not " + auth);
        };
    }
}
