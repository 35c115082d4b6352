package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API as a client sees it, against a server running in this JVM with SQLite. */
class HttpApiTest {

    static RunningServer running;
    static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        running = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-http"))
                .withMaxMessageBytes(64 * 1024));
        api = running.api;
    }

    @AfterAll
    static void stop() throws IOException {
        running.close();
    }

    @Test
    void rejectsAnUnknownLanguageWithAJsonError() {
        ApiClient.Response r = api.postJson("/api/v1/diagnose?lang=fr", "{\"reply\":\"550 5.1.1 User unknown\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("error").asText()).contains("lang");
    }

    @Test
    void withoutALangParameterTheClientsAcceptLanguageChoosesAndTheParameterStillWins() {
        String body = "{\"reply\":\"552 5.2.2 Mailbox full\"}";
        ApiClient.Response unstated = api.postJson("/api/v1/diagnose", body);
        assertThat(unstated.headers().allValues("Vary")).as("English for want of a header, which a cache must know")
                .anyMatch(v -> v.contains("Accept-Language"));
        String english = fix(unstated);
        String simplified = fix(api.postJson("/api/v1/diagnose?lang=zh-CN", body));
        String traditional = fix(api.postJson("/api/v1/diagnose?lang=zh-TW", body));
        assertThat(List.of(english, simplified, traditional)).doesNotHaveDuplicates();

        ApiClient.Response hongKong = api.withAcceptLanguage("zh-HK,zh;q=0.9,en;q=0.8").postJson("/api/v1/diagnose", body);
        assertThat(fix(hongKong)).isEqualTo(traditional);
        assertThat(hongKong.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Language"));
        assertThat(fix(api.withAcceptLanguage("fr-FR, en;q=0.5, zh-CN;q=0.7").postJson("/api/v1/diagnose", body)))
                .isEqualTo(simplified);
        assertThat(fix(api.withAcceptLanguage("fr, de;q=0.5").postJson("/api/v1/diagnose", body))).isEqualTo(english);
        assertThat(fix(api.withAcceptLanguage("zh-CN").postJson("/api/v1/diagnose?lang=en", body))).isEqualTo(english);
    }

    private static String fix(ApiClient.Response diagnosed) {
        return diagnosed.json().get("fix").asText(); // a reply gives one record
    }

    @Test
    void theReferenceListsSectionsProvidersFirstAndEachSectionItsRepliesWithTheirAdvice() {
        JsonNode sections = api.get("/api/v1/reference?lang=zh-CN").json().get("sections");
        assertThat(sections.get(0).get("kind").asText()).isEqualTo("provider");
        JsonNode netease = null;
        for (JsonNode s : sections) if (s.get("id").asText().equals("netease")) netease = s;
        assertThat(netease).as("NetEase, whose codes the article points at").isNotNull();
        assertThat(netease.get("replies").asInt()).isPositive();
        assertThat(netease.get("name").asText()).as("by the name Chinese readers know it").startsWith("网易邮箱");
        assertThat(sections).anyMatch(s -> s.get("kind").asText().equals("reason") && s.get("id").asText().equals("userunknown")
                && s.get("name").asText().equals("收件人不存在"));

        ApiClient.Response section = api.get("/api/v1/reference/netease?lang=zh-CN");
        assertThat(section.status()).isEqualTo(200);
        JsonNode replies = section.json().get("replies");
        assertThat(replies).hasSize(netease.get("replies").asInt());
        for (JsonNode reply : replies) {
            assertThat(reply.get("provider").asText()).isEqualTo("netease");
            assertThat(reply.get("diagnosticCode").asText()).isNotBlank();
            assertThat(reply.get("fix").asText()).containsPattern("[\\u4e00-\\u9fff]");
        }
        // a reply of the reference reads the same when diagnosed
        String first = replies.get(0).get("diagnosticCode").asText();
        JsonNode diagnosed = api.postJson("/api/v1/diagnose?lang=zh-CN",
                "{\"reply\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(first) + "}").json();
        assertThat(diagnosed.get("reason")).isEqualTo(replies.get(0).get("reason"));
        assertThat(diagnosed.get("fix")).isEqualTo(replies.get(0).get("fix"));

        // a reason's section gathers every provider's ways of saying it
        JsonNode full = api.get("/api/v1/reference/mailboxfull").json().get("replies");
        assertThat(full).allMatch(r -> r.get("reason").asText().equals("mailboxfull"));
        assertThat(full).anyMatch(r -> r.path("provider").isMissingNode() || r.path("provider").isNull());
        assertThat(full).anyMatch(r -> "google".equals(r.path("provider").asText()));

        ApiClient.Response unknown = api.get("/api/v1/reference/no-such-provider");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("/api/v1/reference");
    }

    @Test
    void aBatchOfRepliesGetsARecordEachInOrderAndABadOneIsNamed() {
        ApiClient.Response batch = api.postJson("/api/v1/diagnose?lang=zh-CN",
                "{\"replies\":[\"550 5.1.1 User unknown\",\"\",\"552 5.2.2 Mailbox full\",\"550 Ip frequency limited\"]}");
        assertThat(batch.status()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(results).hasSize(4);
        for (int i : new int[]{0, 2, 3}) {
            String reply = results.get(i).get("diagnosticCode").asText();
            // each the record the same reply gets alone
            assertThat(results.get(i)).isEqualTo(api.postJson("/api/v1/diagnose?lang=zh-CN",
                    "{\"reply\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(reply) + "}").json());
        }
        assertThat(results.get(1).get("reason").asText()).as("a blank reply keeps its place").isEqualTo("undefined");

        ApiClient.Response notText = api.postJson("/api/v1/diagnose", "{\"replies\":[\"550 x\", 42]}");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.json().get("error").asText()).isEqualTo("replies[1] is not a string");
        assertThat(api.postJson("/api/v1/diagnose", "{\"replies\":\"550 x\"}").status()).isEqualTo(400);
        String many = "{\"replies\":[" + String.join(",", java.util.Collections.nCopies(10_001, "\"550\"")) + "]}";
        ApiClient.Response tooMany = api.postJson("/api/v1/diagnose", many);
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().get("error").asText()).contains("at most 10000 replies");
    }

    @Test
    void answersBrokenJsonWithAMessageAndNoStackTrace() {
        ApiClient.Response r = api.postJson("/api/v1/diagnose", "{\"reply\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.");
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        byte[] big = new byte[200 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        ApiClient.Response r = api.post("/api/v1/diagnose", "message/rfc822", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).contains("limit");
    }

    @Test
    void answersUnknownPathsWithJson404() {
        ApiClient.Response r = api.get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isNotBlank();
    }

    @Test
    void addsFindsAndRemovesASuppressionByHand() {
        ApiClient.Response added = api.postJson("/api/v1/suppressions", "{\"address\":\"Jane+News@Example.COM\",\"note\":\"asked by phone\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("address").asText()).isEqualTo("jane+news@example.com");
        assertThat(added.json().get("source").asText()).isEqualTo("manual");

        JsonNode one = api.get("/api/v1/suppressions/jane%2Bnews%40example.com").json();
        assertThat(one.get("note").asText()).isEqualTo("asked by phone");
        assertThat(one.get("since").asText()).isNotBlank();

        JsonNode found = api.get("/api/v1/suppressions?q=NEWS@").json();
        assertThat(found.get("results")).anyMatch(e -> e.get("address").asText().equals("jane+news@example.com"));

        assertThat(api.delete("/api/v1/suppressions/jane%2Bnews%40example.com").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/suppressions/jane%2Bnews%40example.com").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/suppressions/jane%2Bnews%40example.com").status()).isEqualTo(404);
    }

    @Test
    void refusesSomethingThatIsNotAnAddress() {
        ApiClient.Response r = api.postJson("/api/v1/suppressions", "{\"address\":\"not an address\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("address");
    }

    @Test
    void pagesThroughTheSuppressionListWithCursors() {
        for (int i = 0; i < 7; i++) {
            assertThat(api.postJson("/api/v1/suppressions", "{\"address\":\"page" + i + "@paging.example\"}").status()).isEqualTo(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/suppressions?q=paging.example&limit=3"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
            for (JsonNode e : page.get("results")) assertThat(seen.add(e.get("address").asText())).isTrue();
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(7);
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void reportsHealthMetricsAndItsOwnOpenApiDocument() {
        assertThat(api.get("/healthz").json().get("status").asText()).isEqualTo("ok");

        ApiClient.Response metrics = api.get("/metrics");
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE bouncelens_smtp_messages_total counter")
                .containsPattern("(?m)^bouncelens_suppressions \\d+$");

        JsonNode openApi = api.get("/openapi.json").json();
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        for (String path : new String[]{"/api/v1/diagnose", "/api/v1/logs", "/api/v1/events", "/api/v1/bounces", "/api/v1/suppressions",
                "/api/v1/suppression-changes", "/api/v1/suppressions/{address}", "/api/v1/stats", "/api/v1/reference",
                "/api/v1/reference/{id}", "/healthz", "/metrics"}) {
            assertThat(openApi.get("paths").has(path)).as(path).isTrue();
        }
        // a webhook that notifies by GET (Elastic Email) is documented beside the POST
        assertThat(openApi.get("paths").get("/api/v1/events").has("get")).isTrue();
    }

    @Test
    void servesThePageWithEverythingFromItself() {
        ApiClient.Response page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        for (String asset : new String[]{"/", "/app.js", "/app.css"}) {
            String body = api.get(asset).body();
            assertThat(body).as(asset).doesNotContainPattern("(src|href)=\"(https?:)?//");
            assertThat(body).as(asset).doesNotContain("@import url(http");
        }
    }

    @Test
    void statsAnswerForAnEmptyWindowAndRefuseAnUnknownGrouping() {
        JsonNode stats = api.get("/api/v1/stats?by=reason&since=2020-01-01&until=2020-01-02").json();
        assertThat(stats.get("counts")).isEmpty();
        assertThat(api.get("/api/v1/stats?by=colour").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bounces?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theSuppressionListExportsAsOneCsvFilePastAPageInAddressOrder() throws IOException {
        try (RunningServer fresh = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-csv")))) {
            ApiClient client = fresh.api;
            for (int i = 0; i < 510; i++) {
                assertThat(client.postJson("/api/v1/suppressions", "{\"address\":\"user" + String.format("%03d", i)
                        + "@export.example\"}").status()).isEqualTo(201);
            }
            client.postJson("/api/v1/suppressions", "{\"address\":\"aaa@noted.example\",\"note\":\"=HYPERLINK(\\\"x\\\"), asked \\\"twice\\\"\"}");

            ApiClient.Response all = client.get("/api/v1/suppressions?format=csv");

            assertThat(all.status()).isEqualTo(200);
            assertThat(all.contentType()).startsWith("text/csv");
            List<String> lines = all.body().lines().toList();
            assertThat(lines).hasSize(1 + 511);
            assertThat(lines.get(0)).isEqualTo("address,reason,source,since,note");
            // a person's note is quoted as CSV wants, and never starts a formula in a spreadsheet
            assertThat(lines.get(1)).startsWith("aaa@noted.example,manual,manual,")
                    .endsWith(",\"'=HYPERLINK(\"\"x\"\"), asked \"\"twice\"\"\"");
            assertThat(lines.get(2)).startsWith("user000@export.example,manual,manual,2");
            assertThat(lines.get(511)).startsWith("user509@export.example,");
            assertThat(client.get("/api/v1/suppressions?format=csv&q=user50").body().lines().skip(1))
                    .extracting(l -> l.substring(0, l.indexOf(','))).containsExactly("user500@export.example",
                            "user501@export.example", "user502@export.example", "user503@export.example",
                            "user504@export.example", "user505@export.example", "user506@export.example",
                            "user507@export.example", "user508@export.example", "user509@export.example");
        }
    }

    @Test
    void aSuppressionListImportsFromCsvItsOwnExportIncluded() throws IOException {
        String exported;
        try (RunningServer first = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-export")))) {
            first.api.postJson("/api/v1/suppressions", "{\"address\":\"kept@first.example\",\"note\":\"asked, twice\"}");
            first.api.postJson("/api/v1/suppressions", "{\"address\":\"other@first.example\"}");
            exported = first.api.get("/api/v1/suppressions?format=csv").body();
        }
        try (RunningServer second = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-import")))) {
            ApiClient client = second.api;
            client.postJson("/api/v1/suppressions", "{\"address\":\"other@first.example\"}");

            ApiClient.Response moved = client.post("/api/v1/suppressions", "text/csv; charset=utf-8",
                    exported.getBytes(StandardCharsets.UTF_8));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("added").asInt()).isEqualTo(1);
            assertThat(moved.json().get("alreadySuppressed").asInt()).isEqualTo(1);
            assertThat(client.get("/api/v1/suppressions/kept@first.example").json().get("note").asText()).isEqualTo("asked, twice");

            // a plain list of addresses, one per line, with a line that is none
            ApiClient.Response plain = client.post("/api/v1/suppressions", "text/csv",
                    "New.One@Second.Example\r\n\r\nnot an address\nthird@second.example\n".getBytes(StandardCharsets.UTF_8));
            assertThat(plain.json().get("added").asInt()).isEqualTo(2);
            assertThat(plain.json().get("rejectedLines").asInt()).isEqualTo(1);
            assertThat(plain.json().get("rejected").get(0).get("line").asInt()).isEqualTo(3);
            assertThat(client.get("/api/v1/suppressions/new.one@second.example").json().get("note").asText()).isEqualTo("imported");

            // saved by Excel as "CSV UTF-8": a byte order mark before the header line
            ApiClient.Response excel = client.post("/api/v1/suppressions", "text/csv",
                    "\uFEFFaddress,reason,source,since,note\r\nexcel@second.example,,,,客户要求不再发送\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(excel.json().get("added").asInt()).isEqualTo(1);
            assertThat(excel.json().get("rejectedLines").asInt()).as("the header line is known as one").isZero();
            assertThat(client.get("/api/v1/suppressions/excel@second.example").json().get("note").asText()).isEqualTo("客户要求不再发送");

            // saved by Excel on a Chinese Windows as plain "CSV": GBK, which no header says
            ApiClient.Response gbk = client.post("/api/v1/suppressions", "text/csv",
                    "address,reason,source,since,note\r\ngbk@second.example,,,,退订：电话要求不再发送\r\n".getBytes("GBK"));
            assertThat(gbk.json().get("added").asInt()).isEqualTo(1);
            assertThat(client.get("/api/v1/suppressions/gbk@second.example").json().get("note").asText()).isEqualTo("退订：电话要求不再发送");
        }
    }

    @Test
    void theStoreNeedsTheTokenWhenOneIsConfiguredButDiagnoseDoesNot() throws IOException {
        try (RunningServer guarded = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-token"))
                .withToken("s3cret-token"))) {
            ApiClient anonymous = guarded.api;
            ApiClient.Response refused = anonymous.postJson("/api/v1/suppressions", "{\"address\":\"x@token.example\"}");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("error").asText()).contains("token");
            assertThat(anonymous.withToken("wrong").delete("/api/v1/suppressions/x@token.example").status()).isEqualTo(401);

            ApiClient authorised = anonymous.withToken("s3cret-token");
            assertThat(authorised.postJson("/api/v1/suppressions", "{\"address\":\"x@token.example\"}").status()).isEqualTo(201);
            // the stored addresses are not for strangers' eyes either
            for (String read : new String[]{"/api/v1/suppressions/x@token.example", "/api/v1/suppressions",
                    "/api/v1/bounces", "/api/v1/messages", "/api/v1/stats?by=reason", "/api/v1/alerts"}) {
                assertThat(anonymous.get(read).status()).as(read).isEqualTo(401);
                assertThat(anonymous.withToken("wrong").get(read).status()).as(read).isEqualTo(401);
                assertThat(authorised.get(read).status()).as(read).isEqualTo(200);
            }
            assertThat(authorised.get("/api/v1/suppressions/x@token.example").json().get("address").asText())
                    .isEqualTo("x@token.example");
            assertThat(authorised.delete("/api/v1/suppressions/x@token.example").status()).isEqualTo(204);

            // the reference is the knowledge base, nothing stored: no token needed
            assertThat(anonymous.get("/api/v1/reference").status()).isEqualTo(200);
            assertThat(anonymous.get("/api/v1/reference/tencent").status()).isEqualTo(200);
            // diagnosing stores nothing and shows only what the caller sent: no token needed
            ApiClient.Response diagnosed = anonymous.postJson("/api/v1/diagnose", "{\"reply\":\"550 5.1.1 User unknown\"}");
            assertThat(diagnosed.status()).isEqualTo(200);
            assertThat(diagnosed.json().get("reason").asText()).isEqualTo("userunknown");
            ApiClient.Response logs = anonymous.post("/api/v1/logs", "text/plain", ("Dec  6 10:00:02 mx postfix/smtp[1]: "
                    + "4A: to=<x@example.com>, relay=mx.example.com[192.0.2.1]:25, dsn=5.1.1, status=bounced "
                    + "(host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown)").getBytes(StandardCharsets.UTF_8));
            assertThat(logs.status()).isEqualTo(200);
            assertThat(logs.json().get("results").get(0).get("reason").asText()).isEqualTo("userunknown");
            // storing the same lines is a call on the store
            byte[] log = IntakeScenarios.POSTFIX_LOG.getBytes(StandardCharsets.UTF_8);
            assertThat(anonymous.post("/api/v1/logs?store=true", "text/plain", log).status()).isEqualTo(401);
            assertThat(authorised.get("/api/v1/messages").json().get("results")).isEmpty();
            assertThat(authorised.post("/api/v1/logs?store=true", "text/plain", log).status()).isEqualTo(201);
            assertThat(authorised.get("/api/v1/messages").json().get("results")).hasSize(1);

            // a sending service's webhook: reading is open, storing takes the token, which a
            // webhook URL carries as its password (https://hook:TOKEN@host/...)
            byte[] event = IntakeScenarios.sesBounceThroughSns("gone@example.com", "General", "5.1.1",
                    "smtp; 550 5.1.1 User unknown").getBytes(StandardCharsets.UTF_8);
            assertThat(anonymous.post("/api/v1/events", "text/plain", event).status()).isEqualTo(200);
            assertThat(anonymous.post("/api/v1/events?store=true", "text/plain", event).status()).isEqualTo(401);
            assertThat(anonymous.withBasicAuth("hook", "wrong").post("/api/v1/events?store=true", "text/plain", event)
                    .status()).isEqualTo(401);
            assertThat(anonymous.withBasicAuth("hook", "s3cret-token").post("/api/v1/events?store=true", "text/plain", event)
                    .status()).isEqualTo(201);
            assertThat(authorised.get("/api/v1/messages").json().get("results")).hasSize(2);
            assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        }
    }
}
