package io.bouncelens.cli;

import io.bouncelens.BounceRecord;
import io.bouncelens.Reason;
import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Database;
import io.bouncelens.server.store.IncomingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** serve and rediagnose as typed on the command line. */
class ServerCommandsTest {

    /** Data directories and files of this class's tests, removed after each. */
    @TempDir
    Path scratch;

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine(args);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void otherCommandsLoadNoServerClass() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "explain", "550 5.1.1 <a@example.com>: User unknown")
                .redirectErrorStream(true).start();
        String loaded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        // Only the command asked for is built (picocli's reflection over ten commands cost a tenth
        // of a second at start), so not even serve's options are loaded, let alone the server.
        assertThat(loaded).contains("io.bouncelens.cli.ExplainCommand")
                .doesNotContain("io.bouncelens.cli.ServeCommand").doesNotContain("io.bouncelens.cli.DiagnoseCommand")
                .doesNotContain("io.bouncelens.server.").doesNotContain("io.javalin").doesNotContain("org.subethamail");
    }

    @Test
    void theUsageAndTheHelpCommandStillKnowEveryCommand() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("explain", "diagnose", "logs", "events", "eval", "imap", "serve",
                "rediagnose", "prune", "codes");
        StringWriter help = new StringWriter();
        CommandLine again = Main.commandLine();
        again.setOut(new PrintWriter(help, true));
        assertThat(again.execute("help", "prune")).isZero();
        assertThat(help.toString()).startsWith("Usage: bouncelens prune");
        Run mistyped = run("diagnos");
        assertThat(mistyped.exit()).isEqualTo(2);
        assertThat(mistyped.err().strip()).isEqualTo("bouncelens: Unmatched argument at index 0: 'diagnos'");
        // each command, named first, is built alone and under the name its annotation gives it
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            CommandLine alone = Main.commandLine(new String[] {name});
            assertThat(alone.getSubcommands().keySet()).containsExactly(name);
            assertThat(alone.getSubcommands().get(name).getCommand().getClass())
                    .isEqualTo(cl.getSubcommands().get(name).getCommand().getClass());
        }
        assertThat(cl.getSubcommands()).hasSize(11);
    }

    @Test
    void serveRefusesToBindBeyondLoopbackWithoutAToken() {
        Run r = run("serve", "--bind", "0.0.0.0", "--domains", "example.com");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("bouncelens serve: binding beyond loopback (0.0.0.0) needs --token");
    }

    @Test
    void serveWantsTheTlsCertificateAndKeyTogetherAndSaysWhichFileIsWrong() throws Exception {
        Run half = run("serve", "--smtp-tls-cert", "fullchain.pem");
        assertThat(half.exit()).isEqualTo(2);
        assertThat(half.err().strip()).isEqualTo("bouncelens serve: --smtp-tls-cert and --smtp-tls-key go together");
        Path dir = Files.createDirectories(scratch.resolve("tls"));
        Path key = Files.writeString(dir.resolve("privkey.pem"), "not a key\n");
        Run missing = run("serve", "--data", dir.toString(), "--http-port", "0", "--smtp-port", "0",
                "--smtp-tls-cert", dir.resolve("fullchain.pem").toString(), "--smtp-tls-key", key.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("bouncelens serve: cannot start: SMTP TLS: "
                + dir.resolve("fullchain.pem") + ": cannot be read (NoSuchFileException)");
    }

    @Test
    void anImapTrustFileWithoutACertificateIsRefusedBeforeAnyConnection() throws Exception {
        Path notPem = Files.writeString(Files.createDirectories(scratch.resolve("trust")).resolve("ca.pem"), "just text\n");
        String secret = Files.writeString(notPem.resolveSibling("secret"), "pw").toString();
        Run serve = run("serve", "--imap", "imaps://bounces@imap.example.org/INBOX", "--imap-secret-file", secret,
                "--imap-trust", notPem.toString());
        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.err().strip()).isEqualTo("bouncelens serve: --imap-trust: " + notPem + ": holds no CERTIFICATE block");
        Run imap = run("imap", "--imap-secret-file", secret, "--imap-trust", notPem.resolveSibling("missing.pem").toString(), "imaps://bounces@imap.example.org/INBOX");
        assertThat(imap.exit()).isEqualTo(2);
        assertThat(imap.err().strip()).isEqualTo("bouncelens imap: --imap-trust: " + notPem.resolveSibling("missing.pem")
                + ": cannot be read (NoSuchFileException)");
    }

    @Test
    void severalMailboxesTakeEachLoginOptionOnceForAllOrOncePerMailbox() throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("mailboxes"));
        Path one = Files.writeString(dir.resolve("one.secret"), "pw-1");
        Path two = Files.writeString(dir.resolve("two.secret"), "token-2");
        ImapLoginOptions options = new ImapLoginOptions();
        CommandLine.populateCommand(options, "--imap-secret-file", one.toString(), "--imap-secret-file", two.toString(),
                "--imap-auth", "password", "--imap-auth", "xoauth2");
        var mailboxes = ImapLogins.mailboxes(List.of("imaps://a@imap.one.example/INBOX", "imaps://b@imap.two.example/Bounces"),
                options, java.time.Duration.ofSeconds(60));
        assertThat(mailboxes).extracting(m -> m + " " + m.login()).containsExactly(
                "imaps://a@imap.one.example:993/INBOX password from " + one,
                "imaps://b@imap.two.example:993/Bounces XOAUTH2 from " + two);

        Run wrong = run("serve", "--imap", "imaps://a@imap.one.example/INBOX", "--imap", "imaps://b@imap.two.example/INBOX",
                "--imap-secret-file", one.toString(), "--imap-secret-file", two.toString(), "--imap-secret-file", one.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("bouncelens serve: --imap-secret-file is given 3 times for 2 mailboxes: "
                + "give it once for all, or once per --imap in the same order");
    }

    @Test
    void serveRefusesAnImapUrlWithItsPasswordInIt() {
        Run r = run("serve", "--imap", "imaps://bounces:hunter2@imap.example.org/INBOX");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("bouncelens serve: --imap: put the password in $BOUNCELENS_IMAP_PASSWORD, "
                + "not in the URL, where ps would show it");
    }

    @Test
    void theDatabaseUrlMayComeFromTheEnvironmentAndIsNeverPrintedWithItsPassword() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "rediagnose");
        // a port nothing listens on: the command must fail, naming the database it was given
        pb.environment().put("BOUNCELENS_DB", "jdbc:postgresql://127.0.0.1:9/bl_env?user=bl&password=hunter2&connectTimeout=2");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isNotZero();
        assertThat(err).contains("bl_env").doesNotContain("hunter2");
    }

    @Test
    void serveTakesOnlyAddressesAndNetworksAsLoadBalancersNeverNames() {
        Run name = run("serve", "--smtp-proxy-from", "10.0.0.0/8,lb.example.com");
        assertThat(name.exit()).isEqualTo(2);
        assertThat(name.err().strip()).isEqualTo("bouncelens serve: not an IP address or network: lb.example.com");
        Run prefix = run("serve", "--smtp-proxy-from", "2001:db8::/200");
        assertThat(prefix.exit()).isEqualTo(2);
        assertThat(prefix.err().strip()).isEqualTo("bouncelens serve: not an IP network (prefix length 0-128): 2001:db8::/200");
    }

    @Test
    void serveSendsTheSuppressionListOnlyOverTlsAndOnlySignedWithAKeyItCanRead() {
        Run clear = run("serve", "--suppression-webhook", "http://platform.example.com/hooks/bounces");
        assertThat(clear.exit()).isEqualTo(2);
        assertThat(clear.err().strip()).isEqualTo("bouncelens serve: --suppression-webhook must use https beyond this "
                + "machine: http://platform.example.com/hooks/bounces");
        Run noKey = run("serve", "--suppression-webhook", "https://platform.example.com/hooks/bounces",
                "--suppression-webhook-secret-file", "/nonexistent/webhook.key");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err().strip()).isEqualTo("bouncelens serve: cannot read --suppression-webhook-secret-file "
                + "/nonexistent/webhook.key");
    }

    @Test
    void serveRefusesARetentionOfNoDays() {
        Run r = run("serve", "--retain-days", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("bouncelens serve: --retain-days must be at least 1");
    }

    @Test
    void serveReadsItsOptionsFromAFileNamedWithAnAt() throws Exception {
        Path options = Files.writeString(Files.createDirectories(scratch.resolve("args")).resolve("serve.args"),
                "# /etc/bouncelens/serve.args\n--http-port 0 --smtp-port 0\n--retain-days 0\n");
        Run r = run("serve", "@" + options);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("bouncelens serve: --retain-days must be at least 1");
    }

    @Test
    void serveRefusesAZeroSoftBounceLimit() {
        Run r = run("serve", "--soft-bounce-limit", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--soft-bounce-limit").doesNotContain("Exception");
    }

    @Test
    void pruneWithVacuumGivesTheFreedSpaceBackToTheDisk() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("vacuum"));
        byte[] bounce;
        try (var in = ServerCommandsTest.class.getResourceAsStream("dsn-userunknown.eml")) {
            bounce = in.readAllBytes();
        }
        // 200 old bounces, each with 40 KB of returned body: about 8 MB of raw messages
        byte[] big = (new String(bounce, java.nio.charset.StandardCharsets.US_ASCII)
                + ("returned body line " + "x".repeat(60) + "\n").repeat(500)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Database db = Database.embedded(data)) {
            BounceIntake old = new BounceIntake(new BounceStore(db, SuppressionPolicy.defaults(),
                    Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(-100))), new IntakeCounters());
            for (int i = 0; i < 200; i++) old.accept(new IncomingMessage("smtp", "", List.of("b@sender.example"), big));
        }
        Path file = data.resolve("bouncelens.db");
        long before = Files.size(file);
        assertThat(before).isGreaterThan(6_000_000);

        Run r = run("prune", "--data", data.toString(), "--older-than", "30", "--vacuum");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("pruned 200 messages").containsPattern("store compacted from \\d+\\.\\d MB to 0\\.\\d MB");
        assertThat(Files.size(file)).isLessThan(before / 10);
        try (Database db = Database.embedded(data)) {
            assertThat(new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC())
                    .suppression("gone.away@mail.example.org")).isPresent();
        }
    }

    @Test
    void rediagnoseSaysWhenThereIsNoStore() throws Exception {
        Path empty = Files.createDirectories(scratch.resolve("nostore"));
        Run r = run("rediagnose", "--data", empty.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no store at");
    }

    @Test
    void rediagnoseReplacesRecordsAnOlderKnowledgeBaseGotWrong() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("rediagnose"));
        byte[] bounce;
        try (var in = ServerCommandsTest.class.getResourceAsStream("dsn-userunknown.eml")) {
            bounce = in.readAllBytes();
        }
        long messageId;
        try (Database db = Database.embedded(data)) {
            BounceStore store = new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC());
            messageId = new BounceIntake(store, new IntakeCounters())
                    .accept(new IncomingMessage("smtp", "", List.of("b@sender.example"), bounce)).messageId();
            // What an older knowledge base might have said: a sender-side block, so no suppression.
            store.replaceRecords(messageId, List.of(BounceRecord.builder()
                    .recipient("gone.away@mail.example.org").action("failed").reason(Reason.BLOCKED).build()), null);
            assertThat(store.suppression("gone.away@mail.example.org")).isEmpty();
        }

        Run r = run("rediagnose", "--data", data.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("rediagnosed 1 messages: 1 records, 0 could not be read, 1 addresses suppressed");
        try (Database db = Database.embedded(data)) {
            BounceStore store = new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC());
            assertThat(store.suppression("gone.away@mail.example.org")).get()
                    .satisfies(s -> assertThat(s.reason()).isEqualTo("userunknown"));
            assertThat(store.messageCount()).isEqualTo(1);
        }
    }

    @Test
    void pruneRemovesOldMessagesAndRecordsAndKeepsEverySuppression() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("prune"));
        byte[] bounce;
        try (var in = ServerCommandsTest.class.getResourceAsStream("dsn-userunknown.eml")) {
            bounce = in.readAllBytes();
        }
        try (Database db = Database.embedded(data)) {
            Clock longAgo = Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(-100));
            new BounceIntake(new BounceStore(db, SuppressionPolicy.defaults(), longAgo), new IntakeCounters())
                    .accept(new IncomingMessage("smtp", "", List.of("b@sender.example"), bounce));
            new BounceIntake(new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC()), new IntakeCounters())
                    .accept(new IncomingMessage("smtp", "", List.of("b@sender.example"),
                            new String(bounce, java.nio.charset.StandardCharsets.US_ASCII)
                                    .replace("gone.away@", "left.recently@").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }

        assertThat(run("prune", "--data", data.toString(), "--older-than", "0").exit()).isEqualTo(2);
        Run r = run("prune", "--data", data.toString(), "--older-than", "30");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("pruned 1 messages and 1 records received before");
        try (Database db = Database.embedded(data)) {
            BounceStore store = new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC());
            assertThat(store.messageCount()).isEqualTo(1);
            // the old bounce is gone, the address it suppressed is not
            assertThat(store.suppression("gone.away@mail.example.org")).get().satisfies(s -> {
                assertThat(s.reason()).isEqualTo("userunknown");
                assertThat(s.bounceId()).isNull();
            });
            assertThat(store.suppression("left.recently@mail.example.org")).get()
                    .satisfies(s -> assertThat(s.bounceId()).isNotNull());
        }
    }

    /** A stored piece of log and a stored webhook body, each with a hard bounce of left.company@ and one more record. */
    static Stream<Arguments> storedTextsThatAreNoMessages() {
        String log = "Dec  6 10:00:02 mx postfix/smtp[11]: 5B2C1: to=<left.company@mail.example.org>, "
                + "relay=mx.mail.example.org[192.0.2.10]:25, dsn=5.1.1, status=bounced (host mx.mail.example.org"
                + "[192.0.2.10] said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n"
                + "Dec  6 10:00:03 mx postfix/smtp[11]: 5B2C1: to=<busy.box@mail.example.org>, "
                + "relay=mx.mail.example.org[192.0.2.10]:25, dsn=4.2.2, status=deferred (host mx.mail.example.org"
                + "[192.0.2.10] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))\n";
        String events = "[{\"email\":\"left.company@mail.example.org\",\"event\":\"bounce\",\"reason\":\"550 5.1.1 User unknown\","
                + "\"status\":\"5.1.1\",\"sg_event_id\":\"a\"},{\"email\":\"busy.box@mail.example.org\",\"event\":\"deferred\","
                + "\"response\":\"452 4.2.2 Mailbox full\",\"sg_event_id\":\"b\"}]";
        return Stream.of(Arguments.of(BounceIntake.LOG_SOURCE, log), Arguments.of(BounceIntake.EVENT_SOURCE, events));
    }

    @ParameterizedTest
    @MethodSource("storedTextsThatAreNoMessages")
    void rediagnoseReadsAStoredLogOrWebhookBodyAsWhatItIs(String source, String text) throws Exception {
        Path data = Files.createDirectories(scratch.resolve("rediagnose-" + source));
        try (Database db = Database.embedded(data)) {
            BounceStore store = new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC());
            long messageId = new BounceIntake(store, new IntakeCounters()).accept(new IncomingMessage(
                    source, "", List.of(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).messageId();
            store.replaceRecords(messageId, List.of(), null); // as if an older reader had found nothing
            assertThat(store.suppression("left.company@mail.example.org")).isEmpty();
        }

        Run r = run("rediagnose", "--data", data.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("rediagnosed 1 messages: 2 records, 0 could not be read, 1 addresses suppressed");
        try (Database db = Database.embedded(data)) {
            BounceStore store = new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC());
            assertThat(store.suppression("left.company@mail.example.org")).get()
                    .satisfies(s -> assertThat(s.reason()).isEqualTo("userunknown"));
        }
    }
}
