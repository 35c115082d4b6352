package io.bouncelens.server.imap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the IMAP intake logs in: with a password, or with an OAuth 2.0 access token (SASL XOAUTH2,
 * which Microsoft 365 requires and Gmail accepts). The secret is given once (from the
 * environment) or kept in a file that is read again before every connection, so that whatever
 * renews a token (it lasts about an hour) only has to rewrite the file.
 *
 * @param oauth      XOAUTH2 with an access token instead of LOGIN with a password
 * @param secret     the password or token, when given once; else null
 * @param secretFile the file holding it, when read at each connection; else null
 */
public record ImapLogin(boolean oauth, String secret, Path secretFile) {

    /** A secret file longer than this is no password or token. */
    static final int MAX_SECRET_BYTES = 64 * 1024;

    public ImapLogin {
        if ((secret == null || secret.isEmpty()) == (secretFile == null)) {
            throw new IllegalArgumentException("--imap: the " + (oauth ? "access token" : "password") + " goes in $"
                    + ImapMailbox.PASSWORD_VARIABLE + " or in --imap-secret-file, one of them");
        }
        if (secretFile != null && !Files.isReadable(secretFile)) {
            throw new IllegalArgumentException("--imap-secret-file: cannot read " + secretFile);
        }
    }

    /** The password or token to log in with now; a file's, without its line end. */
    String current() throws IOException {
        if (secretFile == null) return secret;
        if (Files.size(secretFile) > MAX_SECRET_BYTES) throw new IOException(secretFile + " is too long to hold a secret");
        String s = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        if (s.isEmpty()) throw new IOException(secretFile + " is empty");
        return s;
    }

    @Override
    public String toString() { // never the secret
        return (oauth ? "XOAUTH2" : "password") + (secretFile != null ? " from " + secretFile : "");
    }
}
