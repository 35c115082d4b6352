package io.bouncelens.server.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates a TLS client trusts instead of the JDK's CAs: a server's own self-signed
 * certificate, or the company CA that signed it, from a PEM file. The server's name is still
 * checked against the certificate it presents.
 */
public record TrustedCertificates(Path file, List<X509Certificate> certificates) {

    public TrustedCertificates {
        certificates = List.copyOf(certificates);
    }

    /** Reads the file; IOException with a one-line reason when it is unreadable or holds no certificate. */
    public static TrustedCertificates read(Path file) throws IOException {
        List<X509Certificate> certificates = ServerCertificate.certificates(file);
        if (certificates.isEmpty()) throw new IOException(file + ": holds no CERTIFICATE block");
        return new TrustedCertificates(file, certificates);
    }

    /** Sockets that accept a server only when its chain ends in one of these certificates. */
    public SSLSocketFactory socketFactory() {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            for (int i = 0; i < certificates.size(); i++) anchors.setCertificateEntry("trusted-" + i, certificates.get(i));
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
