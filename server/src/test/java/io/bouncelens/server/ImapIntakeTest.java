package io.bouncelens.server;

import io.bouncelens.server.imap.ImapLogin;
import io.bouncelens.server.imap.ImapMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IMAP intake's failures and its URL. Reading bounces from a real mailbox, once each, across a
 * restart, is an intake scenario run on each database ({@link IntakeScenarios}).
 */
class ImapIntakeTest {

    /** Data directories and files of this class's tests, removed after each. */
    @TempDir
    Path scratch;

    @Test
    void aWrongPasswordIsOneLineAndTheServerKeepsRunning() throws Exception {
        try (TestImapServer imap = new TestImapServer()) {
            imap.deliver(TestBounces.USER_UNKNOWN);
            ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("data-1")))
                    .withImap(imap.mailbox("wrong"));
            try (RunningServer running = RunningServer.start(config)) {
                Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_imap_reading_failures_total") >= 2);
                assertThat(running.api.get("/api/v1/messages").json().get("results")).isEmpty();
                assertThat(Metrics.value(running.api, "bouncelens_imap_last_success_timestamp_seconds")).isZero();
                assertThat(running.api.get("/api/v1/stats").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aBounceArrivingInTheMailboxIsStoredWithinSecondsThroughIdleNotAtTheNextInterval() throws Exception {
        try (TestImapServer imap = new TestImapServer()) {
            ImapMailbox every = imap.mailbox(TestImapServer.PASSWORD);
            CountingProxy proxy = new CountingProxy(every.port());
            // An hour between readings: only the server's IDLE news can bring the bounce in time.
            ImapMailbox hourly = new ImapMailbox(every.tls(), every.host(), proxy.port(), every.user(), every.login(),
                    every.folder(), Duration.ofHours(1), every.since(), every.trusted());
            ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("data"))).withImap(hourly);
            RunningServer running = RunningServer.start(config);
            try {
                Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_imap_readings_total") >= 1);
                assertThat(running.api.get("/api/v1/messages").json().get("results")).isEmpty();
                // an empty folder is no news: the intake idles rather than reading it again and again
                Thread.sleep(1000);
                assertThat(Metrics.value(running.api, "bouncelens_imap_readings_total")).isLessThanOrEqualTo(2);
                int firstSession = proxy.connections();
                imap.deliver(TestBounces.USER_UNKNOWN);
                Metrics.waitFor(() -> running.api.get("/api/v1/messages").json().get("results").size() == 1);
                imap.deliver(TestBounces.MAILBOX_FULL); // and again, on the session idling after that reading
                Metrics.waitFor(() -> running.api.get("/api/v1/messages").json().get("results").size() == 2);
                assertThat(running.api.get("/api/v1/bounces").json().get("results"))
                        .extracting(b -> b.get("reason").asText()).containsExactlyInAnyOrder("userunknown", "mailboxfull");
                // the readings and the idles between them go on in the first session: no new login per step
                assertThat(proxy.connections()).isEqualTo(firstSession);
            } finally {
                long closing = System.nanoTime();
                running.close(); // ends the idle under way instead of waiting it out
                assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
                proxy.close();
            }
        }
    }

    @Test
    void severalMailboxesAreEachReadAndEachHasItsOwnSeries() throws Exception {
        try (TestImapServer first = new TestImapServer(); TestImapServer second = new TestImapServer()) {
            first.deliver(TestBounces.USER_UNKNOWN);
            second.deliver(TestBounces.BLOCKED);
            ServerConfig both = RunningServer.config(Files.createDirectories(scratch.resolve("data-3")))
                    .withImap(first.mailbox(TestImapServer.PASSWORD)).withImap(second.mailbox(TestImapServer.PASSWORD));
            try (RunningServer running = RunningServer.start(both)) {
                Metrics.waitFor(() -> running.api.get("/api/v1/messages").json().get("results").size() == 2);
                assertThat(running.api.get("/api/v1/bounces").json().get("results"))
                        .extracting(b -> b.get("reason").asText()).containsExactlyInAnyOrder("userunknown", "blocked");
                Metrics.waitFor(() -> Metrics.min(running.api, "bouncelens_imap_last_success_timestamp_seconds") > 0);
            }

            // The mailbox that cannot be read keeps its gauge at 0 (its alert fires, naming it) while
            // the other is read, and the failures are counted against it alone.
            first.deliver(TestBounces.MAILBOX_FULL);
            ServerConfig oneWrong = RunningServer.config(Files.createDirectories(scratch.resolve("data-4")))
                    .withImap(first.mailbox(TestImapServer.PASSWORD)).withImap(second.mailbox("wrong"));
            String good = "mailbox=\"" + first.mailbox(TestImapServer.PASSWORD).describe() + "\"";
            String bad = "mailbox=\"" + second.mailbox("wrong").describe() + "\"";
            try (RunningServer running = RunningServer.start(oneWrong)) {
                Metrics.waitFor(() -> running.api.get("/api/v1/messages").json().get("results").size() == 2
                        && Metrics.value(running.api, "bouncelens_imap_reading_failures_total", bad) >= 2
                        && Metrics.value(running.api, "bouncelens_imap_last_success_timestamp_seconds", good) > 0);
                assertThat(Metrics.value(running.api, "bouncelens_imap_last_success_timestamp_seconds", bad)).isZero();
                assertThat(Metrics.min(running.api, "bouncelens_imap_last_success_timestamp_seconds")).isZero();
                assertThat(Metrics.value(running.api, "bouncelens_imap_reading_failures_total", good)).isZero();
                assertThat(Metrics.value(running.api, "bouncelens_imap_messages_total", good + ",outcome=\"accepted\"")).isEqualTo(2);
            }
        }
    }

    @Test
    void withoutAMailboxThereIsNoLastSuccessToAlertOn() throws Exception {
        // A server that reads no mailbox must not trip the "mailbox not read" alert of operations.md.
        try (RunningServer running = RunningServer.embedded()) {
            assertThat(running.api.get("/metrics").body()).contains("bouncelens_smtp_messages_total")
                    .doesNotContain("bouncelens_imap_");
        }
    }

    @Test
    void theSameMailboxTwiceIsRefused() throws Exception {
        try (TestImapServer imap = new TestImapServer()) {
            ServerConfig twice = RunningServer.config(Files.createDirectories(scratch.resolve("data-5")))
                    .withImap(imap.mailbox(TestImapServer.PASSWORD)).withImap(imap.mailbox("other"));
            assertThat(twice.problem()).startsWith("--imap names imap://bounces@example.org@127.0.0.1:").endsWith(" twice");
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsSkippedOnceAndTheNextOneIsStored() throws Exception {
        try (TestImapServer imap = new TestImapServer()) {
            imap.deliver(TestBounces.USER_UNKNOWN); // about 2 KB
            imap.deliver(("From: MAILER-DAEMON@mail.example.org\r\nTo: bounces@example.org\r\n"
                    + "Subject: Undelivered Mail Returned to Sender\r\n\r\n"
                    + "<short@mail.example.org>: host mail.example.org said: 550 5.1.1 User unknown\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("data-6")))
                    .withMaxMessageBytes(1024).withImap(imap.mailbox(TestImapServer.PASSWORD));
            try (RunningServer running = RunningServer.start(config)) {
                Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_imap_readings_total") >= 3);
                String metrics = running.api.get("/metrics").body();
                assertThat(Metrics.value(running.api, "bouncelens_imap_messages_total")).as("of all outcomes").isEqualTo(2);
                assertThat(metrics).contains(",outcome=\"too_large\"} 1").contains(",outcome=\"accepted\"} 1");
                assertThat(running.api.get("/api/v1/messages").json().get("results")).hasSize(1);
                assertThat(running.api.get("/api/v1/suppressions/short@mail.example.org").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void anOAuthTokenFromAFileIsReadAgainBeforeEachConnection(@TempDir Path dir) throws Exception {
        try (TestImapServer imap = new TestImapServer()) {
            imap.changeSecret("token-1");
            Path tokenFile = Files.writeString(dir.resolve("imap-token"), "token-1\n");
            imap.deliver(TestBounces.USER_UNKNOWN);
            ImapMailbox direct = imap.mailbox(new ImapLogin(true, null, tokenFile));
            CountingProxy proxy = new CountingProxy(direct.port());
            ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("data-7")))
                    .withImap(new ImapMailbox(direct.tls(), direct.host(), proxy.port(), direct.user(), direct.login(),
                            direct.folder(), direct.interval(), direct.since(), direct.trusted()));
            try (proxy; RunningServer running = RunningServer.start(config)) {
                Metrics.waitFor(() -> running.api.get("/api/v1/messages").json().get("results").size() == 1);
                // set once the reading that stored it ends
                Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_imap_last_success_timestamp_seconds") > 0);
                long now = System.currentTimeMillis() / 1000;
                assertThat(Metrics.value(running.api, "bouncelens_imap_last_success_timestamp_seconds")).isBetween(now - 60, now);

                // the token expires (Microsoft 365 then ends the session it authenticated) and
                // something renews it: the file is all that changes
                imap.changeSecret("token-2");
                proxy.cutAll();
                Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_imap_reading_failures_total") >= 1);
                Files.writeString(tokenFile, "token-2\n");
                imap.deliver(TestBounces.MAILBOX_FULL);
                Metrics.waitFor(() -> running.api.get("/api/v1/messages").json().get("results").size() == 2);
            }
        }
    }

    @Test
    void aFirstReadingFromAGivenDayLeavesTheOlderMessagesAlone() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        try (TestImapServer imap = new TestImapServer()) {
            imap.deliver(TestBounces.USER_UNKNOWN);
            imap.deliver(TestBounces.MAILBOX_FULL);
            // every message arrived before tomorrow: none is read
            ServerConfig later = RunningServer.config(Files.createDirectories(scratch.resolve("data-8")))
                    .withImap(imap.mailbox(TestImapServer.PASSWORD).withSince(today.plusDays(1)));
            try (RunningServer running = RunningServer.start(later)) {
                Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_imap_readings_total") >= 2);
                assertThat(running.api.get("/api/v1/messages").json().get("results")).isEmpty();
                assertThat(Metrics.value(running.api, "bouncelens_imap_reading_failures_total")).isZero();
            }
            // from today: both
            ServerConfig fromToday = RunningServer.config(Files.createDirectories(scratch.resolve("data-9")))
                    .withImap(imap.mailbox(TestImapServer.PASSWORD).withSince(today));
            try (RunningServer running = RunningServer.start(fromToday)) {
                Metrics.waitFor(() -> running.api.get("/api/v1/messages").json().get("results").size() == 2);
            }
        }
    }

    @Test
    void theUrlIsCheckedAndThePasswordNeverGoesInIt() {
        ImapLogin pw = new ImapLogin(false, "pw", null);
        assertThatThrownBy(() -> ImapMailbox.parse("imaps://bounces:pw@imap.example.org/INBOX", pw, Duration.ofSeconds(60)))
                .hasMessageContaining("BOUNCELENS_IMAP_PASSWORD");
        assertThatThrownBy(() -> new ImapLogin(false, null, null)).hasMessageContaining("BOUNCELENS_IMAP_PASSWORD");
        assertThatThrownBy(() -> new ImapLogin(true, null, Path.of("/nonexistent/token")))
                .hasMessage("--imap-secret-file: cannot read /nonexistent/token");
        assertThatThrownBy(() -> ImapMailbox.parse("pop3://bounces@mail.example.org", pw, Duration.ofSeconds(60)))
                .hasMessageContaining("imaps://");
        ImapMailbox m = ImapMailbox.parse("imaps://bounces%40example.org@imap.example.org/Bounces/2026", pw,
                Duration.ofSeconds(60));
        assertThat(m.port()).isEqualTo(993);
        assertThat(m.user()).isEqualTo("bounces@example.org");
        assertThat(m.folder()).isEqualTo("Bounces/2026");
        assertThat(m.toString()).isEqualTo("imaps://bounces@example.org@imap.example.org:993/Bounces/2026")
                .doesNotContain("pw");
        assertThat(m.login().toString()).isEqualTo("password");
    }
}
