package io.bouncelens.server.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The TLS side of STARTTLS, from a certificate and key on disk. Certificates are renewed every few
 * weeks (certbot rewrites its files in place), so the files' times are checked at every STARTTLS
 * and read again when either changed: a renewal needs no restart. A renewal that cannot be read
 * (a key half written, a key that no longer fits) is said once on stderr and the certificate in
 * use stays until a readable pair is there.
 */
public final class ReloadingServerTls {

    private final Path certificateFile;
    private final Path keyFile;
    private State state;
    private Stamp failed;

    private record Stamp(FileTime certificate, FileTime key) {
    }

    private record State(Stamp stamp, ServerCertificate certificate, SSLContext context) {
    }

    private ReloadingServerTls(Path certificateFile, Path keyFile, State state) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.state = state;
    }

    /** Reads both files now, so that a server with a bad pair does not start; IOException with a one-line reason. */
    public static ReloadingServerTls open(Path certificateFile, Path keyFile) throws IOException {
        return new ReloadingServerTls(certificateFile, keyFile, load(certificateFile, keyFile, stamp(certificateFile, keyFile)));
    }

    /**
     * The certificate the next STARTTLS presents: the files are checked first, so a renewal shows
     * here (in the expiry gauge) before any sender uses it.
     */
    public synchronized ServerCertificate certificate() {
        current();
        return state.certificate();
    }

    /** Turns an accepted connection into the server side of a TLS one, with the newest readable certificate. */
    public SSLSocket serverSocket(Socket plain) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) plain.getRemoteSocketAddress();
        SSLSocket tls = (SSLSocket) current().getSocketFactory()
                .createSocket(plain, remote.getHostString(), remote.getPort(), true);
        tls.setUseClientMode(false);
        return tls;
    }

    private synchronized SSLContext current() {
        Stamp now;
        try {
            now = stamp(certificateFile, keyFile);
        } catch (IOException e) {
            return state.context(); // a file moved aside mid-renewal: keep what works
        }
        if (now.equals(state.stamp()) || now.equals(failed)) return state.context();
        try {
            state = load(certificateFile, keyFile, now);
            failed = null;
            System.err.println("bouncelens: SMTP TLS certificate read again: " + state.certificate().subject());
        } catch (IOException | RuntimeException e) {
            failed = now;
            System.err.println("bouncelens: SMTP TLS certificate not renewed, the one in use stays: " + e.getMessage());
        }
        return state.context();
    }

    private static State load(Path certificateFile, Path keyFile, Stamp stamp) throws IOException {
        ServerCertificate certificate = ServerCertificate.read(certificateFile, keyFile);
        return new State(stamp, certificate, certificate.sslContext());
    }

    private static Stamp stamp(Path certificateFile, Path keyFile) throws IOException {
        return new Stamp(modified(certificateFile), modified(keyFile));
    }

    private static FileTime modified(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(Objects.requireNonNull(file));
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
