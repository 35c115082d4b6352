package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.bouncelens.server.WebhookPlatform.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static io.bouncelens.server.WebhookPlatform.taken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression list pushed to a sending platform: a real HTTP receiver, changes caused by
 * bounces taken over real SMTP sessions and by calls to the API.
 */
class SuppressionWebhookTest {

    /** Data directories and files of this class\'s tests, removed after each. */
    @TempDir
    Path scratch;

    private static final Duration QUICK = Duration.ofMillis(100);

    WebhookPlatform platform;
    Path secret;

    @BeforeEach
    void start() throws Exception {
        platform = new WebhookPlatform();
        secret = Files.writeString(scratch.resolve("webhook.secret"), "s3cret-key\n");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private ServerConfig config(Path data) {
        return RunningServer.config(data)
                .withWebhooks(new ServerConfig.Webhooks(List.of(platform.url()), secret, QUICK));
    }

    @Test
    void everyChangeArrivesInOrderSignedAndAgainUntilThePlatformTakesIt() throws Exception {
        platform.answers.addAll(List.of(503, 503)); // the platform is deploying
        try (RunningServer running = RunningServer.start(config(Files.createDirectories(scratch.resolve("data"))))) {
            try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
                assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            }
            running.api.postJson("/api/v1/suppressions", "{\"address\":\"Someone@Example.org\",\"note\":\"asked us\"}");
            running.api.delete("/api/v1/suppressions/someone@example.org");

            List<Post> posts = platform.await(p -> taken(p).size() == 3);
            assertThat(posts.subList(0, 2)).extracting(Post::status).containsExactly(503, 503);
            assertThat(posts.get(2).json().get("results").get(0).get("address").asText())
                    .as("the first change again, after the failures").isEqualTo("gone.away@mail.example.org");
            List<JsonNode> taken = taken(posts);
            assertThat(taken).extracting(c -> c.get("id").asLong()).containsExactly(1L, 2L, 3L);
            assertThat(taken).extracting(c -> c.get("change").asText() + " " + c.get("address").asText()
                            + " " + (c.has("reason") ? c.get("reason").asText() : "-") + " " + c.get("source").asText())
                    .containsExactly("added gone.away@mail.example.org userunknown bounce",
                            "added someone@example.org manual manual", "removed someone@example.org - manual");
            for (Post p : posts) {
                assertThat(p.signature()).isEqualTo("sha256=" + hmac("s3cret-key", p.timestamp() + "." + p.body()));
                assertThat(Long.parseLong(p.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
            }
            // the platform has the post once it answers; the server counts it once it reads the answer
            String metrics = running.api.get("/metrics").body();
            for (long until = System.nanoTime() + 10_000_000_000L;
                 !metrics.contains("bouncelens_webhook_changes_delivered_total 3\n") && System.nanoTime() < until; ) {
                Thread.sleep(20);
                metrics = running.api.get("/metrics").body();
            }
            assertThat(metrics).contains("bouncelens_webhook_changes_delivered_total 3\n", "bouncelens_webhook_failures_total 2\n",
                    "bouncelens_webhook_pending_changes 0\n");
        }
    }

    @Test
    void aRestartedServerGoesOnFromTheLastChangeThePlatformTook() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("data-restart"));
        try (BounceServer first = BounceServer.start(config(data))) {
            new ApiClient(first.httpPort()).postJson("/api/v1/suppressions", "{\"address\":\"one@example.org\"}");
            platform.await(p -> taken(p).size() == 1);
        }
        // the platform's token in the URL's query was rotated meanwhile: the place is kept all the same
        URI rotated = URI.create(platform.url().toString().replace("key=abc", "key=new"));
        try (RunningServer second = RunningServer.start(RunningServer.config(data)
                .withWebhooks(new ServerConfig.Webhooks(List.of(rotated), secret, QUICK)))) {
            second.api.postJson("/api/v1/suppressions", "{\"address\":\"two@example.org\"}");
            List<Post> posts = platform.await(p -> taken(p).size() >= 2);
            Thread.sleep(5 * QUICK.toMillis()); // time enough for any repeat to arrive
            assertThat(taken(platform.posts())).extracting(c -> c.get("id").asLong() + " " + c.get("address").asText())
                    .containsExactly("1 one@example.org", "2 two@example.org");
            assertThat(posts).allMatch(p -> p.status() == 200);
        }
    }

    @Test
    void changesPrunedBeforeThePlatformTookThemAreSaidToBeMissed() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("data-pruned"));
        try (io.bouncelens.server.store.Database db = io.bouncelens.server.store.Database.embedded(data)) {
            java.time.Clock longAgo = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofDays(-100));
            io.bouncelens.server.store.BounceStore store = new io.bouncelens.server.store.BounceStore(db,
                    io.bouncelens.server.policy.SuppressionPolicy.defaults(), longAgo);
            store.addManual("old@example.org", null);
            assertThat(store.pruneBefore(System.currentTimeMillis() - Duration.ofDays(30).toMillis()).changes()).isEqualTo(1);
        }
        try (RunningServer running = RunningServer.start(config(data))) {
            JsonNode first = platform.await(p -> !p.isEmpty()).get(0).json();
            assertThat(first.get("missed").asText()).startsWith("the changes after 0 up to 1 were pruned");
            assertThat(first.get("results")).isEmpty();
            assertThat(first.get("after").asLong()).isEqualTo(1);
            // the entry itself is still on the list, for the platform to read
            assertThat(running.api.get("/api/v1/suppressions?format=csv").body()).contains("old@example.org");
            running.api.postJson("/api/v1/suppressions", "{\"address\":\"new@example.org\"}");
            assertThat(taken(platform.await(p -> taken(p).size() == 1))).extracting(c -> c.get("id").asLong()).containsExactly(2L);
            assertThat(platform.posts()).filteredOn(p -> p.body().contains("missed")).hasSize(1);
        }
    }

    @Test
    void aChangeCommittedHereIsPostedAtOnceNotAtTheNextLook() throws Exception {
        // An hour between looks: only the commit's own signal can bring these posts in time.
        Duration hour = Duration.ofHours(1);
        try (RunningServer running = RunningServer.start(RunningServer.config(Files.createDirectories(scratch.resolve("data-now")))
                .withWebhooks(new ServerConfig.Webhooks(List.of(platform.url()), secret, hour)))) {
            try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
                assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            }
            platform.await(p -> taken(p).size() == 1); // (within await's ten seconds)
            // the notifier has posted and now waits its hour: these two reach the platform only if it is woken
            running.api.postJson("/api/v1/suppressions", "{\"address\":\"someone@example.org\"}");
            running.api.delete("/api/v1/suppressions/someone@example.org");
            assertThat(taken(platform.await(p -> taken(p).size() == 3))).extracting(c -> c.get("id").asLong())
                    .containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void withoutWebhooksThereIsNoGaugeToAlertOn() throws Exception {
        try (RunningServer plain = RunningServer.embedded()) {
            assertThat(plain.api.get("/metrics").body()).doesNotContain("bouncelens_webhook_");
        }
    }

    @Test
    void addressesGoNowhereInTheClear() {
        ServerConfig.Webhooks clear = new ServerConfig.Webhooks(List.of(URI.create("http://platform.example.com/hook")), null, QUICK);
        assertThat(RunningServer.config(Path.of("unused")).withWebhooks(clear).problem())
                .isEqualTo("--suppression-webhook must use https beyond this machine: http://platform.example.com/hook");
        ServerConfig.Webhooks ftp = new ServerConfig.Webhooks(List.of(URI.create("ftp://platform.example.com/hook")), null, QUICK);
        assertThat(RunningServer.config(Path.of("unused")).withWebhooks(ftp).problem()).contains("must be an http(s) URL");
        ServerConfig.Webhooks tls = new ServerConfig.Webhooks(List.of(URI.create("https://platform.example.com/hook")), null, QUICK);
        assertThat(RunningServer.config(Path.of("unused")).withWebhooks(tls).problem()).isNull();
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
