package io.bouncelens.server.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the certificate and key files an operator points the server at, and the one-line refusals. */
class ServerCertificateTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path to = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/tls/" + name)) {
            Files.copy(in, to);
        }
        return to;
    }

    @Test
    void readsPkcs8RsaAndEcKeysAndTheOldRsaForm() throws Exception {
        ServerCertificate rsa = ServerCertificate.read(resource("localhost-rsa.crt"), resource("localhost-rsa.key"));
        assertThat(rsa.subject()).isEqualTo("CN=bouncelens test localhost (RSA)");
        assertThat(rsa.key().getAlgorithm()).isEqualTo("RSA");
        ServerCertificate pkcs1 = ServerCertificate.read(dir.resolve("localhost-rsa.crt"), resource("localhost-rsa-pkcs1.key"));
        assertThat(pkcs1.key().getEncoded()).isEqualTo(rsa.key().getEncoded());
        ServerCertificate ec = ServerCertificate.read(resource("localhost-ec.crt"), resource("localhost-ec.key"));
        assertThat(ec.key().getAlgorithm()).isEqualTo("EC");
        SSLContext context = ec.sslContext();
        assertThat(context.getSupportedSSLParameters().getProtocols()).contains("TLSv1.3");
    }

    @Test
    void aFullChainFileKeepsEveryCertificateInOrder() throws Exception {
        Path chain = dir.resolve("fullchain.pem");
        Files.writeString(chain, "Bag Attributes: written by openssl\n"
                + Files.readString(resource("localhost-rsa.crt")) + Files.readString(resource("localhost-ec.crt")));
        ServerCertificate read = ServerCertificate.read(chain, resource("localhost-rsa.key"));
        assertThat(read.chain()).hasSize(2);
        assertThat(read.chain().get(1).getSubjectX500Principal().getName()).isEqualTo("CN=bouncelens test localhost (EC\\, renewed)");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Path certificate = resource("localhost-ec.crt");
        Path key = resource("localhost-rsa.key");
        assertThatThrownBy(() -> ServerCertificate.read(certificate, key))
                .isInstanceOf(IOException.class)
                .hasMessage(key + ": this key does not belong to the certificate in " + certificate);
    }

    @Test
    void refusalsSayWhatIsWrongInOneLine() throws Exception {
        Path certificate = resource("localhost-rsa.crt");
        Path encrypted = dir.resolve("encrypted.key");
        Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjAp\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ServerCertificate.read(certificate, encrypted)).hasMessageContaining("encrypted");
        Path oldEncrypted = dir.resolve("old-encrypted.key");
        Files.writeString(oldEncrypted, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ServerCertificate.read(certificate, oldEncrypted)).hasMessageContaining("encrypted");
        Path sec1 = dir.resolve("sec1.key");
        Files.writeString(sec1, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ServerCertificate.read(certificate, sec1)).hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> ServerCertificate.read(resource("localhost-rsa.key"), resource("localhost-ec.key")))
                .hasMessageEndingWith("holds no CERTIFICATE block");
        assertThatThrownBy(() -> ServerCertificate.read(certificate, certificate)).hasMessageEndingWith("holds no PRIVATE KEY block");
        assertThatThrownBy(() -> ServerCertificate.read(dir.resolve("missing.pem"), certificate)).hasMessageContaining("cannot be read");
        Path cut = dir.resolve("cut.crt");
        Files.writeString(cut, Files.readString(certificate).lines().limit(5).reduce("", (a, b) -> a + b + "\n"));
        assertThatThrownBy(() -> ServerCertificate.read(cut, certificate)).hasMessageEndingWith("CERTIFICATE block is not closed");
        Path huge = dir.resolve("huge.crt");
        Files.write(huge, new byte[Pem.MAX_BYTES + 1]);
        assertThatThrownBy(() -> ServerCertificate.read(huge, certificate)).hasMessageContaining("not a PEM file");
    }
}
