package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/diagnose answers with the library's real diagnosis, in the language asked for. */
class DiagnoseApiTest {

    static RunningServer running;
    static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        running = RunningServer.embedded();
        api = running.api;
    }

    @AfterAll
    static void stop() throws IOException {
        running.close();
    }

    @Test
    void explainsAReplyLineAsOneRecord() {
        ApiClient.Response r = api.postJson("/api/v1/diagnose",
                "{\"reply\":\"550 5.1.1 <a@example.com>: Recipient address rejected: User unknown\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode record = r.json();
        assertThat(record.get("reason").asText()).isEqualTo("userunknown");
        assertThat(record.get("hardBounce").asBoolean()).isTrue();
        assertThat(record.get("status").asText()).isEqualTo("5.1.1");
        assertThat(record.get("replyCode").asInt()).isEqualTo(550);
        assertThat(record.get("explanation").asText()).isNotBlank();
    }

    @Test
    void explainsInTraditionalChineseWhenAsked() {
        String body = "{\"reply\":\"550 5.1.1 <a@example.com>: Recipient address rejected: User unknown\"}";
        JsonNode en = api.postJson("/api/v1/diagnose?lang=en", body).json();
        JsonNode tw = api.postJson("/api/v1/diagnose?lang=zh-TW", body).json();
        assertThat(tw.get("reason").asText()).isEqualTo(en.get("reason").asText());
        assertThat(tw.get("explanation").asText()).isNotEqualTo(en.get("explanation").asText());
        assertThat(tw.get("explanation").asText()).containsPattern("\\p{IsHan}");
    }

    @Test
    void diagnosesARawBounceMessage() {
        ApiClient.Response r = api.post("/api/v1/diagnose", "message/rfc822", TestBounces.bytes(TestBounces.USER_UNKNOWN));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("recipient").asText()).isEqualTo("gone.away@mail.example.org");
        assertThat(results.get(0).get("reason").asText()).isEqualTo("userunknown");
        assertThat(results.get(0).get("actor").asText()).isEqualTo("recipient-address");
    }
}
