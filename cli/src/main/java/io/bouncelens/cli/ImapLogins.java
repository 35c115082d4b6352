package io.bouncelens.cli;

import io.bouncelens.server.imap.ImapLogin;
import io.bouncelens.server.imap.ImapMailbox;
import io.bouncelens.server.tls.TrustedCertificates;

import java.io.IOException;
import java.time.Duration;

/** The server's mailbox and login from the command line's options; loaded only by serve and imap. */
final class ImapLogins {

    private ImapLogins() {
    }

    /** The mailbox the URL names, logged in to as the options say; IllegalArgumentException with a one-line reason. */
    static ImapMailbox mailbox(String url, ImapLoginOptions options, Duration interval) {
        boolean oauth = options.oauth();
        ImapMailbox mailbox = ImapMailbox.parse(url, () -> new ImapLogin(oauth,
                options.secretFile != null ? null : System.getenv(ImapMailbox.PASSWORD_VARIABLE), options.secretFile), interval);
        if (options.trust == null) return mailbox;
        try {
            return mailbox.withTrusted(TrustedCertificates.read(options.trust));
        } catch (IOException e) {
            throw new IllegalArgumentException("--imap-trust: " + e.getMessage());
        }
    }
}
