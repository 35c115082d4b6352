package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.bouncelens.Reason;
import io.bouncelens.server.policy.SuppressionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounces arriving at the intake and what the API then shows; run once per database
 * kind by the subclasses.
 */
abstract class IntakeScenarios {

    RunningServer running;
    ApiClient api;
    /** The configuration {@link #running} was started with. */
    ServerConfig config;

    /** A config for a fresh, empty store with free ports. */
    abstract ServerConfig freshConfig() throws Exception;

    @BeforeEach
    void start() throws Exception {
        config = freshConfig();
        running = RunningServer.start(config);
        api = running.api;
    }

    @Test
    void bouncesLandingInAnImapMailboxAreStoredOnceAcrossARestartAndTheMailboxIsLeftAsItWas() throws Exception {
        running.server.close(); // the same store, now with the mailbox to read
        try (TestImapServer imap = new TestImapServer()) {
            imap.deliver(TestBounces.USER_UNKNOWN);
            imap.deliver(TestBounces.MAILBOX_FULL);
            ServerConfig reading = config.withImap(imap.mailbox(TestImapServer.PASSWORD));

            BounceServer first = BounceServer.start(reading);
            ApiClient api = new ApiClient(first.httpPort());
            try {
                Metrics.waitFor(() -> messages(api).size() == 2);
                assertThat(messages(api)).extracting(m -> m.get("source").asText() + " " + m.get("rcptTo").asText()
                                + " " + m.get("records").asInt())
                        .containsOnly("imap bounces@example.org 1");
                assertThat(api.get("/api/v1/suppressions/gone.away@mail.example.org").status()).isEqualTo(200);
                assertThat(api.get("/api/v1/bounces").json().get("results")).extracting(b -> b.get("reason").asText())
                        .containsExactlyInAnyOrder("userunknown", "mailboxfull");

                imap.deliver(TestBounces.BLOCKED);
                Metrics.waitFor(() -> messages(api).size() == 3);
                long readings = Metrics.value(api, "bouncelens_imap_readings_total");
                Metrics.waitFor(() -> Metrics.value(api, "bouncelens_imap_readings_total") >= readings + 2);
                assertThat(messages(api)).hasSize(3);
                assertThat(api.get("/metrics").body()).contains("bouncelens_imap_messages_total{mailbox=\""
                        + reading.mailboxes().get(0).describe() + "\",outcome=\"accepted\"} 3");
            } finally {
                first.close();
            }

            // the cursor is in the store: a new server on it reads nothing twice, and what came meanwhile once
            imap.deliver(TestBounces.MAILBOX_FULL);
            BounceServer second = BounceServer.start(reading);
            try {
                ApiClient again = new ApiClient(second.httpPort());
                Metrics.waitFor(() -> Metrics.value(again, "bouncelens_imap_readings_total") >= 3);
                assertThat(messages(again)).hasSize(4);
            } finally {
                second.close();
            }
            // read-only: nothing flagged seen, nothing moved or deleted
            assertThat(imap.messages()).hasSize(4)
                    .allSatisfy(m -> assertThat(m.getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).isFalse());
        }
        running = RunningServer.start(config); // for stop(), which also clears the data directory
    }

    @Test
    void twoServersReadingOneMailboxIntoOneStoreStoreEachMessageOnce() throws Exception {
        String key = "bounces@example.org@imap.example.org:993/INBOX";
        io.bouncelens.server.store.IncomingMessage message = new io.bouncelens.server.store.IncomingMessage("imap", "",
                java.util.List.of("bounces@example.org"), TestBounces.bytes(TestBounces.USER_UNKNOWN));
        try (io.bouncelens.server.store.Database a = BounceServer.openDatabase(config);
             io.bouncelens.server.store.Database b = BounceServer.openDatabase(config)) {
            java.util.List<io.bouncelens.server.store.BounceStore> servers = java.util.List.of(
                    new io.bouncelens.server.store.BounceStore(a, SuppressionPolicy.defaults(), java.time.Clock.systemUTC()),
                    new io.bouncelens.server.store.BounceStore(b, SuppressionPolicy.defaults(), java.time.Clock.systemUTC()));
            // both read UIDs 1..25 of the folder at the same time, each storing what it read
            java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.List<Thread> readers = new java.util.ArrayList<>();
            java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (io.bouncelens.server.store.BounceStore store : servers) {
                Thread t = new Thread(() -> {
                    try {
                        for (long uid = 1; uid <= 25; uid++) {
                            together.await();
                            if (store.storeFromMailbox(message, java.util.List.of(), null,
                                    new io.bouncelens.server.store.MailboxCursor(key, 42, uid)).isPresent()) {
                                stored.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                readers.add(t);
                t.start();
            }
            for (Thread t : readers) t.join(60_000);
            assertThat(failures).isEmpty();
            assertThat(stored.get()).isEqualTo(25);
            assertThat(messages(api)).hasSize(25);

            // behind the cursor: nothing; the folder given a new UIDVALIDITY: read from its start
            io.bouncelens.server.store.BounceStore store = servers.get(1);
            assertThat(store.storeFromMailbox(message, java.util.List.of(), null,
                    new io.bouncelens.server.store.MailboxCursor(key, 42, 24))).isEmpty();
            assertThat(store.storeFromMailbox(message, java.util.List.of(), null,
                    new io.bouncelens.server.store.MailboxCursor(key, 43, 1))).isPresent();
            assertThat(servers.get(0).mailboxCursor(key)).contains(new io.bouncelens.server.store.MailboxCursor(key, 43, 1));
        }
    }

    @Test
    void aPlatformKeepsItsCopyOfTheListInStepWithTheChangesFeed() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
        }
        api.postJson("/api/v1/suppressions", "{\"address\":\"by.hand@example.org\"}");
        api.delete("/api/v1/suppressions/by.hand@example.org");
        api.delete("/api/v1/suppressions/never.there@example.org"); // 404: no change

        JsonNode first = api.get("/api/v1/suppression-changes?limit=2").json();
        assertThat(first.get("results")).extracting(c -> c.get("change").asText() + " " + c.get("address").asText() + " "
                        + c.path("reason").asText("-") + " " + c.get("source").asText())
                .containsExactly("added gone.away@mail.example.org userunknown bounce", "added by.hand@example.org manual manual");
        long after = first.get("after").asLong();
        JsonNode rest = api.get("/api/v1/suppression-changes?after=" + after).json();
        assertThat(rest.get("results")).extracting(c -> c.get("change").asText() + " " + c.get("address").asText() + " "
                        + c.path("reason").asText("-") + " " + c.get("source").asText())
                .containsExactly("removed by.hand@example.org - manual");
        long end = rest.get("after").asLong();
        assertThat(end).isGreaterThan(after);
        // nothing new: the same number to ask after again
        JsonNode none = api.get("/api/v1/suppression-changes?after=" + end).json();
        assertThat(none.get("results")).isEmpty();
        assertThat(none.get("after").asLong()).isEqualTo(end);
        assertThat(api.get("/api/v1/suppression-changes?after=x").status()).isEqualTo(400);

        // a bounce read again lifts what it caused; the feed says so
        long messageId = api.get("/api/v1/messages").json().get("results").get(0).get("id").asLong();
        try (io.bouncelens.server.store.Database db = BounceServer.openDatabase(config)) {
            new io.bouncelens.server.store.BounceStore(db, SuppressionPolicy.defaults(), java.time.Clock.systemUTC())
                    .replaceRecords(messageId, java.util.List.of(), null);
        }
        assertThat(api.get("/api/v1/suppression-changes?after=" + end).json().get("results"))
                .extracting(c -> c.get("change").asText() + " " + c.get("address").asText() + " " + c.get("source").asText())
                .containsExactly("removed gone.away@mail.example.org rediagnose");
    }

    @Test
    void aServerWithTheWebhookPushesWhatAnotherStoredAndARestartGoesOnWhereItStopped() throws Exception {
        try (WebhookPlatform platform = new WebhookPlatform()) {
            ServerConfig.Webhooks hooks = new ServerConfig.Webhooks(java.util.List.of(platform.url()), null,
                    java.time.Duration.ofMillis(100));
            // The server taking bounces has no webhook; a second one on the same store pushes the journal.
            try (BounceServer pusher = BounceServer.start(config.withWebhooks(hooks))) {
                try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
                    assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
                }
                platform.await(p -> WebhookPlatform.taken(p).size() == 1);
            }
            api.postJson("/api/v1/suppressions", "{\"address\":\"later@example.org\"}"); // while no one pushes
            try (BounceServer again = BounceServer.start(config.withWebhooks(hooks))) {
                platform.await(p -> WebhookPlatform.taken(p).size() >= 2);
                Thread.sleep(500); // time enough for a repeat to arrive
            }
            assertThat(WebhookPlatform.taken(platform.posts())).extracting(c -> c.get("change").asText() + " " + c.get("address").asText())
                    .containsExactly("added gone.away@mail.example.org", "added later@example.org");
            assertThat(platform.posts()).extracting(WebhookPlatform.Post::signature).containsOnly("unsigned");
        }
    }

    @Test
    void twoServersPushingToTheSameWebhookPostEachChangeOnce() throws Exception {
        try (WebhookPlatform platform = new WebhookPlatform()) {
            platform.answerMillis = 150; // a post in flight while the other server looks
            ServerConfig.Webhooks hooks = new ServerConfig.Webhooks(java.util.List.of(platform.url()), null,
                    java.time.Duration.ofMillis(50));
            try (BounceServer first = BounceServer.start(config.withWebhooks(hooks));
                 BounceServer second = BounceServer.start(config.withWebhooks(hooks))) {
                for (int i = 0; i < 12; i++) {
                    api.postJson("/api/v1/suppressions", "{\"address\":\"person" + i + "@example.org\"}");
                    Thread.sleep(40);
                }
                platform.await(p -> WebhookPlatform.taken(p).size() >= 12);
                Thread.sleep(500); // time enough for a repeat to arrive
            }
            assertThat(WebhookPlatform.taken(platform.posts())).extracting(c -> c.get("address").asText())
                    .hasSize(12).doesNotHaveDuplicates();
        }
    }

    @Test
    void pruningOldMessagesKeepsTheSuppressionsTheyCaused() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.MAILBOX_FULL))).startsWith("250");
        }
        JsonNode journal = api.get("/api/v1/suppression-changes").json();
        int changes = journal.get("results").size();
        long last = journal.get("after").asLong();
        assertThat(changes).isPositive();
        try (io.bouncelens.server.store.Database db = BounceServer.openDatabase(config)) {
            io.bouncelens.server.store.BounceStore store = new io.bouncelens.server.store.BounceStore(db,
                    SuppressionPolicy.defaults(), java.time.Clock.systemUTC());
            assertThat(store.pruneBefore(0)).isEqualTo(new io.bouncelens.server.store.BounceStore.Pruned(0, 0, 0));
            assertThat(store.pruneBefore(store.now() + 1)).isEqualTo(new io.bouncelens.server.store.BounceStore.Pruned(2, 2, changes));
        }
        assertThat(api.get("/api/v1/messages").json().get("results")).isEmpty();
        assertThat(api.get("/api/v1/bounces").json().get("results")).isEmpty();
        JsonNode entry = api.get("/api/v1/suppressions/gone.away@mail.example.org").json();
        assertThat(entry.get("reason").asText()).isEqualTo("userunknown");
        assertThat(entry.has("bounceId")).isFalse();

        // A reader behind the pruned changes is told to read the whole list, and from where to follow on.
        ApiClient.Response behind = api.get("/api/v1/suppression-changes?after=0");
        assertThat(behind.status()).isEqualTo(410);
        assertThat(behind.json().get("prunedThrough").asLong()).isEqualTo(last);
        assertThat(behind.json().get("after").asLong()).isEqualTo(last);
        assertThat(behind.json().get("error").asText()).contains("GET /api/v1/suppressions?format=csv");
        assertThat(api.get("/api/v1/suppression-changes?after=" + last).json().get("results")).isEmpty();
        assertThat(api.delete("/api/v1/suppressions/gone.away@mail.example.org").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/suppression-changes?after=" + last).json().get("results"))
                .extracting(c -> c.get("change").asText() + " " + c.get("address").asText())
                .containsExactly("removed gone.away@mail.example.org");
    }

    private static java.util.List<JsonNode> messages(ApiClient api) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        api.get("/api/v1/messages?limit=100").json().get("results").forEach(out::add);
        return out;
    }

    @AfterEach
    void stop() throws Exception {
        if (running != null) running.close();
    }

    @Test
    void aHardBounceWithNullSenderSuppressesItsRecipient() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            String reply = smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN));
            assertThat(reply).startsWith("250");
        }
        ApiClient.Response entry = api.get("/api/v1/suppressions/gone.away@mail.example.org");
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        JsonNode json = entry.json();
        assertThat(json.get("reason").asText()).isEqualTo("userunknown");
        assertThat(json.get("source").asText()).isEqualTo("bounce");
        assertThat(json.get("bounce").get("recipient").asText()).isEqualTo("gone.away@mail.example.org");
        assertThat(json.get("bounce").get("status").asText()).isEqualTo("5.1.1");

        // The stored record reads in the other languages too.
        JsonNode traditional = api.get("/api/v1/suppressions/gone.away@mail.example.org?lang=zh-TW").json().get("bounce");
        JsonNode fresh = api.post("/api/v1/diagnose?lang=zh-TW", "message/rfc822", TestBounces.bytes(TestBounces.USER_UNKNOWN))
                .json().get("results").get(0);
        assertThat(traditional.get("explanation").asText()).isEqualTo(fresh.get("explanation").asText())
                .isNotEqualTo(json.get("bounce").get("explanation").asText());
        assertThat(traditional.get("fix").asText()).isEqualTo(fresh.get("fix").asText());

        JsonNode stored = api.get("/api/v1/bounces?recipient=gone.away@mail.example.org").json().get("results");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("effect").asText()).isEqualTo("suppress");

        JsonNode byReason = api.get("/api/v1/stats?by=reason").json().get("counts");
        assertThat(byReason).anyMatch(c -> c.get("key").asText().equals("userunknown") && c.get("count").asInt() == 1);
    }

    @Test
    void anAddressTheServerDidNotKnowOnlyForNowIsCountedNotSuppressed() throws Exception {
        // Postfix gave up on "450 4.1.1 ... unverified address": the receiving server was still
        // checking the address, so one such bounce must not take it off the list
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.UNVERIFIED))).startsWith("250");
        }
        assertThat(api.get("/api/v1/suppressions/being.checked@mail.example.org").status()).isEqualTo(404);
        JsonNode stored = api.get("/api/v1/bounces?recipient=being.checked@mail.example.org").json().get("results");
        assertThat(stored).singleElement().satisfies(b -> {
            assertThat(b.get("reason").asText()).isEqualTo("userunknown");
            assertThat(b.get("hardBounce").asBoolean()).isFalse();
            assertThat(b.get("retry").asText()).isEqualTo("later");
            assertThat(b.get("effect").asText()).isEqualTo("soft");
        });
    }

    @Test
    void aSenderSideBounceNeverSuppressesButRaisesAnAlert() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.BLOCKED))).startsWith("250");
        }
        assertThat(api.get("/api/v1/suppressions/still.here@mail.example.org").status()).isEqualTo(404);
        JsonNode alerts = api.get("/api/v1/alerts").json().get("alerts");
        assertThat(alerts).hasSize(1);
        // A block-list rejection is the sender's problem whichever sender-side name the classifier gives it.
        assertThat(alerts.get(0).get("reason").asText()).isIn(SuppressionPolicy.SENDER_SIDE.stream().map(Reason::label).toList());
        assertThat(alerts.get(0).get("latest").get("recipient").asText()).isEqualTo("still.here@mail.example.org");
    }

    @Test
    void softBouncesSuppressOnlyOnceTheLimitIsReached() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            for (int i = 1; i <= 3; i++) {
                assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.MAILBOX_FULL))).startsWith("250");
                int expected = i < 3 ? 404 : 200;
                assertThat(api.get("/api/v1/suppressions/full.box@mail.example.org").status()).as("after bounce " + i).isEqualTo(expected);
            }
        }
        JsonNode entry = api.get("/api/v1/suppressions/full.box@mail.example.org").json();
        assertThat(entry.get("source").asText()).isEqualTo("soft-bounces");
        assertThat(entry.get("reason").asText()).isEqualTo("mailboxfull");
    }

    /** A piece of a Postfix log: a hard bounce, a deferral and a delivery of one message. */
    static final String POSTFIX_LOG = String.join("\n",
            "Dec  6 10:00:01 mx postfix/qmgr[9]: 5B2C1: from=<news@sender.example>, size=2048, nrcpt=3 (queue active)",
            "Dec  6 10:00:02 mx postfix/smtp[11]: 5B2C1: to=<left.company@mail.example.org>, "
                    + "relay=mx.mail.example.org[192.0.2.10]:25, delay=1.2, dsn=5.1.1, status=bounced "
                    + "(host mx.mail.example.org[192.0.2.10] said: 550 5.1.1 <left.company@mail.example.org>: "
                    + "Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))",
            "Dec  6 10:00:03 mx postfix/smtp[11]: 5B2C1: to=<busy.box@mail.example.org>, "
                    + "relay=mx.mail.example.org[192.0.2.10]:25, delay=2.1, dsn=4.2.2, status=deferred "
                    + "(host mx.mail.example.org[192.0.2.10] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))",
            "Dec  6 10:00:04 mx postfix/smtp[12]: 5B2C1: to=<reader@mail.example.org>, "
                    + "relay=mx.mail.example.org[192.0.2.10]:25, delay=0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 7F)",
            "");

    @Test
    void logLinesPostedToBeStoredSuppressTheirHardBouncesOnly() {
        byte[] log = POSTFIX_LOG.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ApiClient.Response posted = api.post("/api/v1/logs?store=true", "text/plain", log);

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode stored = posted.json().get("stored");
        assertThat(stored.get("records").asInt()).isEqualTo(2); // the delivery gives none
        assertThat(stored.get("suppressed")).extracting(JsonNode::asText).containsExactly("left.company@mail.example.org");
        assertThat(posted.json().get("results")).extracting(r -> r.get("recipient").asText())
                .containsExactly("left.company@mail.example.org", "busy.box@mail.example.org");

        JsonNode entry = api.get("/api/v1/suppressions/left.company@mail.example.org").json();
        assertThat(entry.get("reason").asText()).isEqualTo("userunknown");
        assertThat(entry.get("source").asText()).isEqualTo("bounce");
        assertThat(entry.get("bounce").get("addresser").asText()).isEqualTo("news@sender.example");
        assertThat(entry.get("bounce").get("remoteHost").asText()).isEqualTo("mx.mail.example.org");
        // a deferral is the receiving side's passing trouble: stored, never a reason to stop mailing
        assertThat(api.get("/api/v1/suppressions/busy.box@mail.example.org").status()).isEqualTo(404);
        JsonNode deferred = api.get("/api/v1/bounces?recipient=busy.box@mail.example.org").json().get("results");
        assertThat(deferred).hasSize(1);
        assertThat(deferred.get(0).get("action").asText()).isEqualTo("delayed");

        // the stored advice reads in Chinese as the log route gives it
        JsonNode chinese = api.get("/api/v1/bounces?recipient=left.company@mail.example.org&lang=zh-CN").json()
                .get("results").get(0);
        JsonNode fresh = api.post("/api/v1/logs?lang=zh-CN", "text/plain", log).json().get("results").get(0);
        assertThat(chinese.get("fix").asText()).isEqualTo(fresh.get("fix").asText());

        // the lines are kept as sent, as a bounce's raw message is, for rediagnose
        JsonNode message = api.get("/api/v1/messages").json().get("results").get(0);
        assertThat(message.get("source").asText()).isEqualTo("log");
        ApiClient.Response raw = api.get("/api/v1/messages/" + message.get("id").asLong() + "/raw");
        assertThat(raw.contentType()).startsWith("text/plain");
        assertThat(raw.body()).isEqualTo(POSTFIX_LOG);
    }

    @Test
    void aLogSentInGbkIsReadInChineseAndKeptAsUtf8Text() throws Exception {
        String line = "Dec  6 10:00:05 mx postfix/smtp[12]: 6C3D2: to=<xiaoming@qq.com>, relay=mx3.qq.com[203.0.113.31]:25, "
                + "delay=1, dsn=5.0.0, status=bounced (host mx3.qq.com[203.0.113.31] said: 550 该用户不存在 "
                + "(in reply to RCPT TO command))\n";
        // a client that says nothing of the charset, as a script posting a file exported on Windows does
        ApiClient.Response posted = api.post("/api/v1/logs?store=true", "text/plain", line.getBytes("GBK"));

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode record = posted.json().get("results").get(0);
        assertThat(record.get("reason").asText()).isEqualTo("userunknown");
        assertThat(record.get("diagnosticCode").asText()).contains("550 该用户不存在");
        // kept as the text it is, in UTF-8, the charset the raw route names
        long id = -1;
        for (JsonNode m : api.get("/api/v1/messages").json().get("results")) {
            if (m.get("source").asText().equals("log")) id = m.get("id").asLong();
        }
        ApiClient.Response raw = api.get("/api/v1/messages/" + id + "/raw");
        assertThat(raw.contentType()).contains("utf-8");
        assertThat(raw.body()).isEqualTo(line);
    }

    /** Amazon SES's bounce notification as SNS posts it: the notification a JSON string in the envelope's Message. */
    static String sesBounceThroughSns(String recipient, String subType, String status, String reply) {
        String notification = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\""
                + subType + "\",\"bouncedRecipients\":[{\"emailAddress\":\"" + recipient + "\",\"action\":\"failed\",\"status\":\""
                + status + "\",\"diagnosticCode\":\"" + reply + "\"}],\"timestamp\":\"2026-12-06T09:30:11.512Z\","
                + "\"reportingMTA\":\"dsn; b224-13.smtp-out.eu-west-1.amazonses.com\"},\"mail\":{\"source\":\"news@sender.example\","
                + "\"messageId\":\"0100019a-1111\",\"destination\":[\"" + recipient + "\"],"
                + "\"commonHeaders\":{\"subject\":\"December news\",\"messageId\":\"<news-12@sender.example>\"}}}";
        return "{\"Type\":\"Notification\",\"MessageId\":\"8a1c6f0e\",\"TopicArn\":\"arn:aws:sns:eu-west-1:111122223333:ses-bounces\","
                + "\"Message\":\"" + notification.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"Timestamp\":\"2026-12-06T09:30:12.000Z\"}";
    }

    @Test
    void aSendingServicesWebhookFeedsTheStoreAndTheSuppressionList() {
        byte[] bounce = sesBounceThroughSns("gone.away@mail.example.org", "General", "5.1.1",
                "smtp; 550 5.1.1 <gone.away@mail.example.org>: Recipient address rejected: User unknown")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // SNS posts its JSON as text/plain
        ApiClient.Response posted = api.post("/api/v1/events?store=true", "text/plain; charset=UTF-8", bounce);

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("events").asInt()).isEqualTo(1);
        assertThat(posted.json().get("stored").get("suppressed")).extracting(JsonNode::asText)
                .containsExactly("gone.away@mail.example.org");
        JsonNode entry = api.get("/api/v1/suppressions/gone.away@mail.example.org").json();
        assertThat(entry.get("reason").asText()).isEqualTo("userunknown");
        assertThat(entry.get("bounce").get("decodedBy").asText()).isEqualTo("ses-event");
        assertThat(entry.get("bounce").get("messageId").asText()).isEqualTo("<news-12@sender.example>");
        JsonNode message = api.get("/api/v1/messages").json().get("results").get(0);
        assertThat(message.get("source").asText()).isEqualTo("event");
        ApiClient.Response raw = api.get("/api/v1/messages/" + message.get("id").asLong() + "/raw");
        assertThat(raw.contentType()).startsWith("application/json");
        assertThat(raw.body()).isEqualTo(new String(bounce, java.nio.charset.StandardCharsets.UTF_8));

        // SES's own suppression list: the address suppressed here too, for SES's reason
        api.post("/api/v1/events?store=true", "text/plain", sesBounceThroughSns("old@mail.example.org", "Suppressed",
                "5.1.1", "Amazon SES has suppressed sending to this address").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.get("/api/v1/suppressions/old@mail.example.org").json().get("reason").asText()).isEqualTo("suppressed");

        // an SNS subscription to confirm stores nothing and says where to confirm it
        ApiClient.Response subscription = api.post("/api/v1/events?store=true", "text/plain", ("{\"Type\":"
                + "\"SubscriptionConfirmation\",\"TopicArn\":\"arn:aws:sns:eu-west-1:111122223333:ses-bounces\","
                + "\"SubscribeURL\":\"https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(subscription.status()).isEqualTo(200);
        assertThat(subscription.json().get("notices").get(0).asText()).contains("Action=ConfirmSubscription&Token=2336");
        assertThat(api.get("/api/v1/messages").json().get("results")).hasSize(2);

        ApiClient.Response broken = api.post("/api/v1/events?store=true", "application/json", "[{\"email\": ".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).startsWith("event 1: not valid JSON at line 1");
        assertThat(api.get("/api/v1/messages").json().get("results")).hasSize(2);
    }

    private static byte[] postfixLine(String address, String status, String said) {
        return ("Dec  6 10:00:02 mx postfix/smtp[11]: 7C3D: to=<" + address + ">, relay=mx.mail.example.org[192.0.2.10]:25, "
                + "dsn=" + status + ", status=" + said + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aDeliveryEndsTheCountOfTheSoftBouncesBeforeIt() {
        byte[] full = postfixLine("often.full@mail.example.org", "5.2.2",
                "bounced (host mx.mail.example.org[192.0.2.10] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command))");
        byte[] sent = postfixLine("often.full@mail.example.org", "2.0.0", "sent (250 2.0.0 Ok: queued as 9F)");
        for (int i = 0; i < 2; i++) assertThat(api.post("/api/v1/logs?store=true", "text/plain", full).status()).isEqualTo(201);
        // the mailbox took a message since: the two full mailboxes before are history
        ApiClient.Response delivery = api.post("/api/v1/logs?store=true", "text/plain", sent);
        assertThat(delivery.status()).isEqualTo(201);
        assertThat(delivery.json().get("stored").get("records").asInt()).as("a delivery is no bounce").isZero();
        assertThat(api.post("/api/v1/logs?store=true", "text/plain", full).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/suppressions/often.full@mail.example.org").status()).as("third soft bounce in all").isEqualTo(404);

        for (int i = 0; i < 2; i++) api.post("/api/v1/logs?store=true", "text/plain", full);
        JsonNode entry = api.get("/api/v1/suppressions/often.full@mail.example.org").json();
        assertThat(entry.get("source").asText()).isEqualTo("soft-bounces");
        assertThat(entry.get("reason").asText()).isEqualTo("mailboxfull");
    }
}
