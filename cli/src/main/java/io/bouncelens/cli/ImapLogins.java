package io.bouncelens.cli;

import io.bouncelens.server.imap.ImapLogin;
import io.bouncelens.server.imap.ImapMailbox;
import io.bouncelens.server.tls.TrustedCertificates;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The server's mailboxes and logins from the command line's options; loaded only by serve and imap. */
final class ImapLogins {

    private ImapLogins() {
    }

    /** The mailbox the URL names, logged in to as the options say; IllegalArgumentException with a one-line reason. */
    static ImapMailbox mailbox(String url, ImapLoginOptions options, Duration interval) {
        return mailboxes(List.of(url), options, interval).get(0);
    }

    /** Each URL's mailbox, with the options given for all or for it (see {@link ImapLoginOptions}). */
    static List<ImapMailbox> mailboxes(List<String> urls, ImapLoginOptions options, Duration interval) {
        List<ImapMailbox> out = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            boolean oauth = options.oauth(i, urls.size());
            Path secretFile = options.secretFile(i, urls.size());
            ImapMailbox mailbox = ImapMailbox.parse(urls.get(i), () -> new ImapLogin(oauth,
                    secretFile != null ? null : System.getenv(ImapMailbox.PASSWORD_VARIABLE), secretFile), interval);
            Path trust = options.trust(i, urls.size());
            if (trust != null) {
                try {
                    mailbox = mailbox.withTrusted(TrustedCertificates.read(trust));
                } catch (IOException e) {
                    throw new IllegalArgumentException("--imap-trust: " + e.getMessage());
                }
            }
            out.add(mailbox);
        }
        return out;
    }
}
