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

    /** A config for a fresh, empty store with free ports. */
    abstract ServerConfig freshConfig() throws Exception;

    @BeforeEach
    void start() throws Exception {
        running = RunningServer.start(freshConfig());
        api = running.api;
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
}
