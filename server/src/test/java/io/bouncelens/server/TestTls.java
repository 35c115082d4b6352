package io.bouncelens.server;

import io.bouncelens.server.tls.TrustedCertificates;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The test-only certificates under src/test/resources/tls (self-signed for "localhost"; see the
 * README there), put where a server reads them, and a client that trusts exactly one of them.
 */
final class TestTls {

    static final String RSA = "localhost-rsa";
    static final String EC = "localhost-ec";

    private TestTls() {
    }

    /** Writes {@code name}.crt and .key over {@code certificate} and {@code key}, their times a second later than before. */
    static void install(String name, Path certificate, Path key) {
        copy(name + ".crt", certificate);
        copy(name + ".key", key);
    }

    static void copy(String resource, Path to) {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            FileTime before = Files.exists(to) ? Files.getLastModifiedTime(to) : FileTime.from(Instant.EPOCH);
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            // a renewal must be seen even where the file system keeps whole seconds only
            Files.setLastModifiedTime(to, FileTime.from(before.toInstant().plusSeconds(1).isAfter(Instant.now())
                    ? before.toInstant().plusSeconds(1) : Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate certificate(String name) {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name + ".crt")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes GreenMail's TLS servers present {@code name} (a PKCS#12 key store it reads once per JVM). */
    static synchronized void useForGreenMail(String name) {
        if (System.getProperty("greenmail.tls.keystore.file") != null) return;
        try {
            io.bouncelens.server.tls.ServerCertificate pair = io.bouncelens.server.tls.ServerCertificate.read(
                    resourceFile(name + ".crt"), resourceFile(name + ".key"));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "changeit".toCharArray();
            store.setKeyEntry("greenmail", pair.key(), password, pair.chain().toArray(X509Certificate[]::new));
            Path file = Files.createTempFile("greenmail-", ".p12");
            file.toFile().deleteOnExit(); // GreenMail reads it whenever a TLS server starts, so it lives as long as the JVM
            try (var out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            System.setProperty("greenmail.tls.keystore.password", "changeit");
            System.setProperty("greenmail.tls.key.password", "changeit");
            System.setProperty("greenmail.tls.keystore.file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a resource in a temporary file, for code that reads files. */
    static Path resourceFile(String resource) throws IOException {
        Path file = Files.createTempFile("bouncelens-tls-", "-" + resource);
        file.toFile().deleteOnExit();
        copy(resource, file);
        return file;
    }

    /** A client's socket factory that trusts the one certificate {@code name} and nothing else. */
    static SSLSocketFactory trusting(String name) {
        return new TrustedCertificates(Path.of(name), java.util.List.of(certificate(name))).socketFactory();
    }
}
