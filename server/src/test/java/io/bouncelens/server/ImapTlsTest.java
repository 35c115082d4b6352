package io.bouncelens.server;

import io.bouncelens.server.imap.ImapConnection;
import io.bouncelens.server.imap.ImapMailbox;
import io.bouncelens.server.tls.TrustedCertificates;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IMAP intake over TLS (imaps://) against a real server presenting a self-signed certificate,
 * as a company's own mail server does: refused until its certificate is trusted, read once it is,
 * and the server's name checked either way.
 */
class ImapTlsTest {

    /** Data directories and files of this class's tests, removed after each. */
    @TempDir
    Path scratch;

    TestImapServer imap;
    TrustedCertificates trusted;

    @BeforeEach
    void start() throws Exception {
        imap = new TestImapServer(true);
        imap.deliver(TestBounces.USER_UNKNOWN);
        trusted = TrustedCertificates.read(TestTls.resourceFile(TestTls.RSA + ".crt"));
    }

    @AfterEach
    void stop() {
        imap.close();
    }

    @Test
    void theIntakeReadsAMailboxOverTlsOnceItsCertificateIsTrusted() throws Exception {
        ImapMailbox mailbox = imap.mailbox("localhost", TestImapServer.PASSWORD).withTrusted(trusted);
        try (RunningServer running = RunningServer.start(RunningServer.config(Files.createDirectories(scratch.resolve("data")))
                .withImap(mailbox))) {
            Metrics.waitFor(() -> running.api.get("/api/v1/bounces").json().get("results").size() == 1);
            assertThat(running.api.get("/api/v1/bounces").json().get("results").get(0).get("reason").asText())
                    .isEqualTo("userunknown");
            assertThat(Metrics.value(running.api, "bouncelens_imap_reading_failures_total")).isZero();
        }
    }

    @Test
    void aCertificateNoOneTrustsIsRefusedWithOneLineAndNothingIsRead() throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try (RunningServer running = RunningServer.start(RunningServer.config(Files.createDirectories(scratch.resolve("data")))
                .withImap(imap.mailbox("localhost", TestImapServer.PASSWORD)))) {
            Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_imap_reading_failures_total") >= 2);
            assertThat(running.api.get("/api/v1/messages").json().get("results")).isEmpty();
        } finally {
            System.setErr(err);
        }
        String first = said.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("bouncelens: IMAP")).findFirst().orElseThrow();
        assertThat(first).startsWith("bouncelens: IMAP bounces@example.org@localhost:")
                .endsWith("(the server's certificate is not signed by a CA Java trusts, or does not name localhost; "
                        + "for a server with its own certificate, give it with --imap-trust FILE)");
    }

    @Test
    void theServersNameIsCheckedEvenAgainstATrustedCertificate() {
        // The certificate names localhost; the same server reached as 127.0.0.1 is not it.
        ImapMailbox byAddress = imap.mailbox("127.0.0.1", TestImapServer.PASSWORD).withTrusted(trusted);
        // (The JDK reports the mismatch as a failed PKIX path: the same certificate under a name that
        // fits, IP:127.0.0.1, is read by 127.0.0.1 and refused by localhost.)
        assertThatThrownBy(() -> ImapConnection.open(byAddress).close()).isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(ImapConnection.describe((Exception) e, byAddress))
                        .endsWith("does not name 127.0.0.1; --imap-trust " + trusted.file() + " does not vouch for it under that name)"));
        ImapMailbox byName = imap.mailbox("localhost", TestImapServer.PASSWORD).withTrusted(trusted);
        assertReadable(byName);
    }

    private static void assertReadable(ImapMailbox mailbox) {
        try (ImapConnection connection = ImapConnection.open(mailbox)) {
            assertThat(connection.after(0, 10)).hasSize(1);
        } catch (Exception e) {
            throw new AssertionError("the trusted server by its name must be read", e);
        }
    }
}
