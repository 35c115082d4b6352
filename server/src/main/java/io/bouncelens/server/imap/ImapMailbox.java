package io.bouncelens.server.imap;

import io.bouncelens.server.tls.TrustedCertificates;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The mailbox folder the IMAP intake reads bounces from, as {@code bouncelens serve --imap} names
 * it: {@code imaps://USER@HOST[:PORT][/FOLDER]} (TLS from the start, port 993) or
 * {@code imap://...} (port 143, STARTTLS required unless the host is this machine). A user name
 * holding {@code @} is written {@code %40}. The password never goes in the URL, where {@code ps}
 * would show it: it comes from the environment or a file ({@link ImapLogin}).
 *
 * @param tls      TLS from the start (imaps)
 * @param host     the IMAP server
 * @param port     its port
 * @param user     the login name
 * @param login    the password or OAuth token, and where it comes from
 * @param folder   the folder read; INBOX by default
 * @param interval how long to wait between two readings of the folder
 * @param since    messages that arrived before this day are left alone when the folder is first
 *                 read; null to read them all
 * @param trusted  the certificates trusted for the server's TLS instead of the JDK's CAs; null for the JDK's
 */
public record ImapMailbox(boolean tls, String host, int port, String user, ImapLogin login, String folder,
                          Duration interval, LocalDate since, TrustedCertificates trusted) {

    /** The environment variable the password (or token) is read from when no file holds it. */
    public static final String PASSWORD_VARIABLE = "BOUNCELENS_IMAP_PASSWORD";

    /** Reads an {@code imap[s]://} URL; throws IllegalArgumentException with a one-line reason. */
    public static ImapMailbox parse(String url, ImapLogin login, Duration interval) {
        return parse(url, () -> login, interval);
    }

    /** As {@link #parse(String, ImapLogin, Duration)}, the login made (and checked) once the URL is found good. */
    public static ImapMailbox parse(String url, java.util.function.Supplier<ImapLogin> loginOnceTheUrlIsGood,
                                    Duration interval) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--imap: not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("imap") && !scheme.equals("imaps")) {
            throw new IllegalArgumentException("--imap: the URL must start imaps:// or imap://");
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("--imap: the URL names no host");
        String user = uri.getUserInfo();
        if (user == null || user.isEmpty()) throw new IllegalArgumentException("--imap: the URL names no user (imaps://USER@HOST/FOLDER)");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("--imap: put the password in $" + PASSWORD_VARIABLE
                    + ", not in the URL, where ps would show it");
        }
        if (interval.toMillis() < 100) throw new IllegalArgumentException("--imap-interval must be at least 0.1 s");
        String path = uri.getPath() == null ? "" : uri.getPath();
        String folder = path.startsWith("/") ? path.substring(1) : path;
        boolean tls = scheme.equals("imaps");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 993 : 143;
        return new ImapMailbox(tls, uri.getHost(), port, user, loginOnceTheUrlIsGood.get(), folder.isEmpty() ? "INBOX" : folder,
                interval, null, null);
    }

    /** The same folder, its messages from before {@code day} left alone at the first reading. */
    public ImapMailbox withSince(LocalDate day) {
        return new ImapMailbox(tls, host, port, user, login, folder, interval, day, trusted);
    }

    /** The same folder, the server's certificate checked against these instead of the JDK's CAs. */
    public ImapMailbox withTrusted(TrustedCertificates certificates) {
        return new ImapMailbox(tls, host, port, user, login, folder, interval, since, certificates);
    }

    /** The folder as the cursor and the log name it: {@code user@host:port/folder}, no password. */
    public String describe() {
        return user + "@" + host + ":" + port + "/" + folder;
    }

    /** Whether the server is this machine, where a plain connection crosses no network. */
    boolean onThisMachine() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() { // never the password
        return (tls ? "imaps://" : "imap://") + describe();
    }
}
