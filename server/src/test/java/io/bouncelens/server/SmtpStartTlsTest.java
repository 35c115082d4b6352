package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * STARTTLS on the SMTP intake, as a sending MTA meets it: offered in EHLO, a real handshake on the
 * session with the server's name checked, the bounce stored, and a renewed certificate presented
 * to the next sender without a restart.
 */
class SmtpStartTlsTest {

    @TempDir
    Path dir;
    Path certificate;
    Path key;
    RunningServer running;

    @BeforeEach
    void start() throws Exception {
        certificate = dir.resolve("fullchain.pem");
        key = dir.resolve("privkey.pem");
        TestTls.install(TestTls.RSA, certificate, key);
        running = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-tls"))
                .withSmtpTls(new ServerConfig.SmtpTlsFiles(certificate, key)));
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    @Test
    void aBounceSentOverStartTlsIsStoredAndCounted() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.ehlo()).contains("STARTTLS");
            X509Certificate presented = smtp.startTls(TestTls.trusting(TestTls.RSA), "localhost");
            assertThat(presented).isEqualTo(TestTls.certificate(TestTls.RSA));
            // RFC 3207 section 4.2: the EHLO after the handshake no longer offers it, and says the rest again
            assertThat(smtp.ehlo()).doesNotContain("STARTTLS").contains("250-SIZE", "250-8BITMIME").endsWith("250 Ok");
            smtp.command("STARTTLS"); // once is enough
            assertThat(smtp.reply()).startsWith("454");
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
        }
        JsonNode messages = running.api.get("/api/v1/messages").json().get("results");
        assertThat(messages).hasSize(1);
        assertThat(running.api.get("/api/v1/bounces").json().get("results"))
                .extracting(b -> b.get("reason").asText()).containsExactly("userunknown");
        // The stored trace line says the message came over TLS, and how (RFC 3848's ESMTPS).
        String raw = running.api.get("/api/v1/messages/" + messages.get(0).get("id").asLong() + "/raw").body();
        String received = raw.substring(0, raw.indexOf(';'));
        assertThat(received).matches("(?s)Received: from \\S+ \\(\\[127\\.0\\.0\\.1\\]\\)\r\n\tby bouncelens \\(bouncelens\\) "
                + "with ESMTPS \\(TLSv1\\.[23] TLS_\\w+\\) id \\S+\r\n\tfor <bounces@sender\\.example>");
        assertThat(Metrics.value(running.api, "bouncelens_smtp_messages_tls_total")).isEqualTo(1);
        assertThat(Metrics.value(running.api, "bouncelens_smtp_tls_certificate_expiry_timestamp_seconds"))
                .isEqualTo(TestTls.certificate(TestTls.RSA).getNotAfter().toInstant().getEpochSecond());
    }

    @Test
    void aSenderWithoutTlsIsStillTaken() throws Exception {
        // The intake is a domain's MX: RFC 3207 forbids a publicly referenced server to require TLS.
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.MAILBOX_FULL))).startsWith("250");
        }
        assertThat(running.api.get("/api/v1/messages").json().get("results")).hasSize(1);
        assertThat(Metrics.value(running.api, "bouncelens_smtp_messages_tls_total")).isZero();
    }

    @Test
    void aMailLibraryThatRequiresTlsDeliversToIt() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "localhost");
        p.setProperty("mail.smtp.port", String.valueOf(running.smtpPort()));
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.socketFactory", TestTls.trusting(TestTls.RSA));
        p.setProperty("mail.smtp.from", "mailer-daemon@mail.example.org");
        Session session = Session.getInstance(p);
        MimeMessage bounce = new MimeMessage(session, new ByteArrayInputStream(TestBounces.bytes(TestBounces.BLOCKED)));
        Transport.send(bounce, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress("bounces@sender.example")});
        assertThat(Metrics.value(running.api, "bouncelens_smtp_messages_tls_total")).isEqualTo(1);
        assertThat(running.api.get("/api/v1/messages").json().get("results")).hasSize(1);
    }

    @Test
    void theServersNameIsCheckedAgainstItsCertificate() throws Exception {
        // The test certificate names localhost only: a sender that checks names refuses 127.0.0.1.
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThatThrownBy(() -> smtp.startTls(TestTls.trusting(TestTls.RSA), "127.0.0.1"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
        // and one that does not trust the certificate refuses it too
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThatThrownBy(() -> smtp.startTls(TestTls.trusting(TestTls.EC), "localhost"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aRenewedCertificateIsPresentedWithoutARestartAndABrokenRenewalKeepsTheOldOne() throws Exception {
        TestTls.install(TestTls.EC, certificate, key); // what certbot does every two months
        // The expiry gauge follows at the next scrape, before any sender asks for TLS, so an alert
        // on it clears with the renewal itself (the two test certificates run out on different days).
        long renewedExpiry = TestTls.certificate(TestTls.EC).getNotAfter().toInstant().getEpochSecond();
        assertThat(renewedExpiry).isNotEqualTo(TestTls.certificate(TestTls.RSA).getNotAfter().toInstant().getEpochSecond());
        assertThat(Metrics.value(running.api, "bouncelens_smtp_tls_certificate_expiry_timestamp_seconds")).isEqualTo(renewedExpiry);
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.startTls(TestTls.trusting(TestTls.EC), "localhost")).isEqualTo(TestTls.certificate(TestTls.EC));
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
        }
        assertThat(Metrics.value(running.api, "bouncelens_smtp_tls_certificate_expiry_timestamp_seconds"))
                .isEqualTo(TestTls.certificate(TestTls.EC).getNotAfter().toInstant().getEpochSecond());

        // Half a renewal: the new certificate is there, its key not yet (the old key does not fit it).
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            TestTls.copy(TestTls.RSA + ".crt", certificate);
            for (int session = 0; session < 2; session++) {
                try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
                    assertThat(smtp.startTls(TestTls.trusting(TestTls.EC), "localhost")).isEqualTo(TestTls.certificate(TestTls.EC));
                }
            }
        } finally {
            System.setErr(err);
        }
        assertThat(said.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("not renewed")))
                .singleElement().asString().contains("does not belong to the certificate");

        TestTls.copy(TestTls.RSA + ".key", key); // the renewal completed
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.startTls(TestTls.trusting(TestTls.RSA), "localhost")).isEqualTo(TestTls.certificate(TestTls.RSA));
        }
    }

    @Test
    void withoutACertificateNoTlsIsOffered() throws Exception {
        try (RunningServer plain = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-plain")));
             SmtpClient smtp = new SmtpClient(plain.smtpPort())) {
            assertThat(smtp.ehlo()).doesNotContain("STARTTLS");
            smtp.command("STARTTLS");
            assertThat(smtp.reply()).startsWith("454");
            assertThat(Metrics.value(plain.api, "bouncelens_smtp_tls_certificate_expiry_timestamp_seconds")).isZero();
        }
    }
}
