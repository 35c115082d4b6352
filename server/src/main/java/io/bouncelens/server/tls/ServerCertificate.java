package io.bouncelens.server.tls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's certificate chain and private key from the two PEM files a CA client such as certbot
 * writes ({@code fullchain.pem}, {@code privkey.pem}). The key may be PKCS#8 ({@code PRIVATE KEY}:
 * RSA, EC or Ed25519) or PKCS#1 ({@code RSA PRIVATE KEY}); it must belong to the first certificate.
 */
public record ServerCertificate(List<X509Certificate> chain, PrivateKey key) {

    public ServerCertificate {
        chain = List.copyOf(chain);
    }

    /** Reads and checks both files; IOException with a one-line reason naming the file at fault. */
    public static ServerCertificate read(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = certificates(certificateFile);
        if (chain.isEmpty()) throw new IOException(certificateFile + ": holds no CERTIFICATE block");
        PrivateKey key = privateKey(keyFile);
        if (!matches(chain.get(0), key)) {
            throw new IOException(keyFile + ": this key does not belong to the certificate in " + certificateFile);
        }
        return new ServerCertificate(chain, key);
    }

    /** The subject of the server's own certificate, for the start-up line. */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /** When the server's own certificate runs out. */
    public java.time.Instant notAfter() {
        return chain.get(0).getNotAfter().toInstant();
    }

    /** A TLS context presenting this certificate; the JDK's protocols and ciphers (TLS 1.2 and 1.3). */
    public SSLContext sslContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("server", key, none, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    /** Every CERTIFICATE block of a PEM file, in order. */
    static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (Pem block : Pem.read(file)) {
            if (!block.label().equals("CERTIFICATE")) continue;
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new IOException(file + ": certificate " + (out.size() + 1) + " cannot be read");
            }
        }
        return out;
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        for (Pem block : Pem.read(file)) {
            switch (block.label()) {
                case "PRIVATE KEY":
                    return pkcs8(file, block.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(file, Der.rsaPkcs1AsPkcs8(block.der()));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IOException(file + ": the private key is encrypted; give it unencrypted "
                            + "(openssl pkcs8 -topk8 -nocrypt) and readable by this user only");
                case "EC PRIVATE KEY":
                    throw new IOException(file + ": an EC key in the SEC 1 form; convert it with "
                            + "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
                default:
                    // parameters and certificates may share the file; go on to the key
            }
        }
        throw new IOException(file + ": holds no PRIVATE KEY block");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IOException(file + ": the private key is of no kind this server reads (RSA, EC, Ed25519)");
    }

    /** Whether the key signs what the certificate's public key verifies. */
    private static boolean matches(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // EdDSA signs without a separate digest
        };
        try {
            byte[] probe = "bouncelens key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
