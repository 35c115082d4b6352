package io.bouncelens.server;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Database;
import io.bouncelens.server.store.IncomingMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --retain-days}: the server prunes its own store, and the suppression list stays whole. */
class RetentionTest {

    @Test
    void theServerPrunesMessagesOlderThanItKeepsThemAndNoSuppressionIsLifted() throws Exception {
        Path data = Files.createTempDirectory("bouncelens-retention");
        try (Database db = Database.embedded(data)) {
            Clock longAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-100));
            new BounceIntake(new BounceStore(db, SuppressionPolicy.defaults(), longAgo), new IntakeCounters())
                    .accept(new IncomingMessage("smtp", "", List.of("b@sender.example"), TestBounces.bytes(TestBounces.USER_UNKNOWN)));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try (RunningServer running = RunningServer.start(RunningServer.config(data).withRetention(Duration.ofDays(30)))) {
            try (SmtpClient smtp = new SmtpClient(running.smtpPort())) { // a bounce of today
                assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.BLOCKED))).startsWith("250");
            }
            Metrics.waitFor(() -> Metrics.value(running.api, "bouncelens_retention_pruned_messages_total") == 1);
            assertThat(running.api.get("/api/v1/messages").json().get("results")).hasSize(1);
            assertThat(running.api.get("/api/v1/bounces").json().get("results"))
                    .extracting(b -> b.get("reason").asText()).containsExactly("blocked");
            // the address the pruned bounce suppressed stays suppressed
            assertThat(running.api.get("/api/v1/suppressions/gone.away@mail.example.org").json().get("reason").asText())
                    .isEqualTo("userunknown");
        } finally {
            System.setErr(err);
        }
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("bouncelens: retention: pruned 1 messages, 1 records");
    }

    @Test
    void lessThanADayIsRefused() {
        ServerConfig config = RunningServer.config(Path.of("unused")).withRetention(Duration.ofHours(12));
        assertThat(config.problem()).isEqualTo("--retain-days must be at least 1");
    }
}
