package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/diagnose and /api/v1/logs answer with the library's real diagnosis, in the language asked for. */
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

    private static final String LOG = String.join("\r\n",
            "Dec  6 10:00:00 mx postfix/smtpd[1200]: connect from client.example.org[198.51.100.7]",
            "Dec  6 10:00:02 mx postfix/smtp[1234]: 4ABC123: to=<gone@example.com>, relay=mx.example.com[192.0.2.1]:25, "
                    + "delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said: "
                    + "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command))",
            "Dec  6 10:00:02 mx postfix/smtp[1234]: 4ABC123: to=<ok@example.com>, relay=mx.example.com[192.0.2.1]:25, "
                    + "delay=1.1, delays=0.1/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
            "2026-12-06 10:00:05 1vQmZc-0003Ab-7x ** full@example.jp R=dnslookup T=remote_smtp H=mx.example.jp [192.0.2.8]: "
                    + "SMTP error from remote mail server after RCPT TO:<full@example.jp>: 552 5.2.2 Mailbox full");

    @Test
    void logLinesGiveARecordPerFailedRecipientWithItsLineNumber() {
        ApiClient.Response r = api.post("/api/v1/logs?lang=zh-CN", "text/plain; charset=utf-8",
                LOG.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("lines").asInt()).isEqualTo(4);
        JsonNode results = r.json().get("results");
        assertThat(results).extracting(n -> n.get("message").asInt() + " " + n.get("recipient").asText() + " "
                + n.get("reason").asText() + " " + n.get("decodedBy").asText())
                .containsExactly("2 gone@example.com userunknown postfix-log", "4 full@example.jp mailboxfull exim-log");
        assertThat(results.get(0).get("fix").asText()).containsPattern("\\p{IsHan}");
        assertThat(r.json().has("truncated")).isFalse();

        JsonNode all = api.post("/api/v1/logs?all=true", "text/plain", LOG.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .json().get("results");
        assertThat(all).extracting(n -> n.get("action").asText()).containsExactly("failed", "delivered", "failed");
        assertThat(api.post("/api/v1/logs", "text/plain", new byte[0]).status()).isEqualTo(400);
    }

    @Test
    void textBodiesAreReadInTheCharsetTheyNameOrTheOneTheyAreIn() throws Exception {
        // a reply in GBK from a client that names no charset
        ApiClient.Response gbk = api.post("/api/v1/diagnose", "text/plain", "550 收件人邮箱已满".getBytes("GBK"));
        assertThat(gbk.json().get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(gbk.json().get("diagnosticCode").asText()).isEqualTo("550 收件人邮箱已满");
        // a log in Big5 whose Content-Type says so
        String log = "Dec  6 10:00:05 mx postfix/smtp[12]: 6C3D2: to=<amei@example.com.tw>, relay=mx.example.com.tw[203.0.113.40]:25, "
                + "delay=1, dsn=5.0.0, status=bounced (host mx.example.com.tw[203.0.113.40] said: 550 該用戶不存在 "
                + "(in reply to RCPT TO command))\n";
        JsonNode big5 = api.post("/api/v1/logs", "text/plain; charset=big5", log.getBytes("Big5")).json().get("results").get(0);
        assertThat(big5.get("recipient").asText()).isEqualTo("amei@example.com.tw");
        assertThat(big5.get("reason").asText()).isEqualTo("userunknown");
        assertThat(big5.get("diagnosticCode").asText()).contains("550 該用戶不存在");
    }

    @Test
    void aLogOfTooManyRecipientsStopsAtTheCapAndSaysSo() {
        StringBuilder log = new StringBuilder();
        for (int line = 0; line < 11; line++) {
            log.append("Dec  6 10:00:04 mx2 sendmail[2222]: Q").append(line).append(": to=");
            for (int i = 0; i < 1_000; i++) log.append(i == 0 ? "" : ",").append('u').append(i).append("@example.net");
            log.append(", delay=00:00:01, mailer=esmtp, relay=mx.example.net. [192.0.2.5], dsn=5.2.2, stat=Mailbox full\n");
        }
        ApiClient.Response r = api.post("/api/v1/logs", "text/plain", log.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("results")).hasSize(10_000);
        assertThat(r.json().get("truncated").asBoolean()).isTrue();
        assertThat(r.json().get("lines").asInt()).isEqualTo(11);

        // stored, the piece would lose records: it is refused whole, and nothing is stored (other
        // tests of this class store on the same server, so what it held before is the measure)
        JsonNode before = api.get("/api/v1/messages").json().get("results");
        ApiClient.Response refused = api.post("/api/v1/logs?store=true", "text/plain",
                log.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("error").asText()).contains("smaller pieces");
        assertThat(api.get("/api/v1/messages").json().get("results")).isEqualTo(before);
        assertThat(api.get("/api/v1/suppressions?q=u1@example.net").json().get("results")).isEmpty();
        assertThat(api.get("/api/v1/suppressions?q=u999@example.net").json().get("results")).isEmpty();
    }

    @Test
    void mailjetsAndBrevosWebhookBodiesAreReadAsTheirEvents() {
        // Mailjet posts its events grouped in an array; its own words say why
        String mailjet = "[{\"event\":\"bounce\",\"time\":1796551700,\"MessageID\":19421777835146490,"
                + "\"email\":\"gone@example.net\",\"mj_campaign_id\":7257,\"mj_contact_id\":4,\"hard_bounce\":true,"
                + "\"error_related_to\":\"recipient\",\"error\":\"mailbox inactive\"}]";
        ApiClient.Response r = api.post("/api/v1/events", "application/json", mailjet.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").get(0).get("recipient").asText()).isEqualTo("gone@example.net");
        assertThat(r.json().get("results").get(0).get("reason").asText()).isEqualTo("suspend");
        assertThat(r.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("mailjet-event");

        // Brevo posts one event per request, the server's reply in "reason"
        String brevo = "{\"event\":\"hard_bounce\",\"email\":\"missing@example.net\",\"id\":1234567,"
                + "\"message-id\":\"<202612061005.1@smtp-relay.mailin.fr>\",\"ts_event\":1796551500,"
                + "\"reason\":\"550 5.1.1 <missing@example.net>: Recipient address rejected: User unknown\"}";
        ApiClient.Response b = api.post("/api/v1/events", "application/json", brevo.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(b.status()).as(b.body()).isEqualTo(200);
        assertThat(b.json().get("results").get(0).get("reason").asText()).isEqualTo("userunknown");
        assertThat(b.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("brevo-event");
        assertThat(b.json().get("results").get(0).get("messageId").asText()).isEqualTo("<202612061005.1@smtp-relay.mailin.fr>");
    }

    @Test
    void scalewaysWebhookInItsTopicsAndEventsEnvelopeIsReadAsItsEvent() {
        // Scaleway posts through an SNS-compatible topic: the event is the envelope's Message, a string of JSON
        String event = "{\\\"type\\\":\\\"email_deferred\\\",\\\"domain_id\\\":\\\"7a8b9c0d\\\","
                + "\\\"email_to\\\":\\\"full@example.net\\\",\\\"email_from\\\":\\\"orders@sender.example\\\","
                + "\\\"email_headers\\\":[{\\\"key\\\":\\\"Message-ID\\\",\\\"value\\\":\\\"<tem-9@sender.example>\\\"}],"
                + "\\\"email_response_code\\\":452,\\\"email_response_message\\\":\\\"4.2.2 Mailbox full\\\"}";
        String body = "{\"Type\":\"Notification\",\"MessageId\":\"da41e39f\",\"TopicArn\":\"arn:scw:sns:fr-par:project-x:tem\","
                + "\"Message\":\"" + event + "\"}";
        ApiClient.Response r = api.post("/api/v1/events", "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode deferred = r.json().get("results").get(0);
        assertThat(deferred.get("recipient").asText()).isEqualTo("full@example.net");
        assertThat(deferred.get("action").asText()).isEqualTo("delayed");
        assertThat(deferred.get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(deferred.get("replyCode").asInt()).isEqualTo(452);
        assertThat(deferred.get("decodedBy").asText()).isEqualTo("scaleway-tem-event");
        assertThat(deferred.get("messageId").asText()).isEqualTo("<tem-9@sender.example>");
    }

    @Test
    void resendsAndSmtp2gosWebhookBodiesAreReadAsTheirEvents() {
        // Resend posts one event per request, its recipients under data.to, the server's reply in bounce.diagnosticCode
        String resend = "{\"type\":\"email.bounced\",\"created_at\":\"2026-12-06T10:20:01.412Z\",\"data\":{"
                + "\"email_id\":\"4c1e9a02-6d3b-4f7e-9a85-1b2c3d4e5f60\",\"message_id\":\"<0102019a3c7e-aa11@mail.sender.example>\","
                + "\"from\":\"Shop <orders@sender.example>\",\"to\":[\"gone@example.net\"],\"subject\":\"Your receipt\","
                + "\"bounce\":{\"diagnosticCode\":[\"smtp; 550 5.2.1 <gone@example.net>: mailbox disabled\"],"
                + "\"message\":\"The receiving server refused it.\",\"subType\":\"General\",\"type\":\"Permanent\"}}}";
        ApiClient.Response r = api.post("/api/v1/events", "application/json", resend.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").get(0).get("recipient").asText()).isEqualTo("gone@example.net");
        assertThat(r.json().get("results").get(0).get("reason").asText()).isEqualTo("suspend");
        assertThat(r.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("resend-event");
        assertThat(r.json().get("results").get(0).get("messageId").asText()).isEqualTo("<0102019a3c7e-aa11@mail.sender.example>");

        // SMTP2GO's JSON output, one recipient in "rcpt"; a soft bounce is retried
        String smtp2go = "{\"event\":\"bounce\",\"time\":\"2026-12-06T10:31:40Z\",\"sender\":\"bounces@sender.example\","
                + "\"rcpt\":\"full@example.net\",\"auth\":\"shop-smtp-user\",\"bounce\":\"soft\","
                + "\"message\":\"452 4.2.2 Mailbox full: user is over quota\",\"email_id\":\"1rT9xL-0aB3cD-8Y\"}";
        ApiClient.Response s = api.post("/api/v1/events", "application/json", smtp2go.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(s.status()).as(s.body()).isEqualTo(200);
        assertThat(s.json().get("results").get(0).get("recipient").asText()).isEqualTo("full@example.net");
        assertThat(s.json().get("results").get(0).get("action").asText()).isEqualTo("delayed");
        assertThat(s.json().get("results").get(0).get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(s.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("smtp2go-event");

        // SMTP2GO's other output, a form of the same fields: a hard bounce, the command in the context
        String form = "event=bounce&time=2026-12-06T10%3A32%3A05Z&sender=bounces%40sender.example"
                + "&rcpt=nobody%40example.net&auth=shop-smtp-user&bounce=hard&host=mx.example.net+%5B203.0.113.25%5D"
                + "&message=550+5.1.1+%3Cnobody%40example.net%3E%3A+Recipient+address+rejected%3A+User+unknown"
                + "&context=RCPT+TO%3A%3Cnobody%40example.net%3E&email_id=1rT9xM-0aB3cD-9Z";
        ApiClient.Response f = api.post("/api/v1/events", "application/x-www-form-urlencoded",
                form.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(f.status()).as(f.body()).isEqualTo(200);
        JsonNode hard = f.json().get("results").get(0);
        assertThat(hard.get("recipient").asText()).isEqualTo("nobody@example.net");
        assertThat(hard.get("decodedBy").asText()).isEqualTo("smtp2go-event");
        assertThat(hard.get("action").asText()).isEqualTo("failed");
        assertThat(hard.get("reason").asText()).isEqualTo("userunknown");
        assertThat(hard.get("hardBounce").asBoolean()).isTrue();
        assertThat(hard.get("command").asText()).isEqualTo("RCPT");
        assertThat(hard.get("remoteHost").asText()).startsWith("mx.example.net");
    }

    @Test
    void aSendCloudWebhookBodyIsReadAsItsEventWithItsSubStatusAndInChinese() {
        // SendCloud posts one event per request; an invalid address names its cause by a sub-status
        String sendcloud = "{\"event\":\"invalid\",\"message\":\"invalid email\",\"category\":\"shop_trigger\","
                + "\"emailId\":\"1796551499876_104117_18546_8821.sc-10_9_13_45-inbound0$nobody@example.cn\","
                + "\"recipient\":\"nobody@example.cn\",\"timestamp\":1796551500000,\"token\":\"q3VbN0aWlT6cX1rY8mPz\","
                + "\"signature\":\"5b0c3f0e0b6f\",\"subStat\":406,\"subStatDesc\":\"地址不存在\"}";
        ApiClient.Response r = api.post("/api/v1/events?lang=zh-CN", "application/json",
                sendcloud.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").get(0).get("recipient").asText()).isEqualTo("nobody@example.cn");
        assertThat(r.json().get("results").get(0).get("reason").asText()).isEqualTo("userunknown");
        assertThat(r.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("sendcloud-event");
        assertThat(r.json().get("results").get(0).get("timestamp").asText()).isEqualTo("2026-12-06T10:05:00Z");
        assertThat(r.json().get("results").get(0).get("explanation").asText()).containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void aSendCloudFormBodyIsReadAsItsFieldsAndStoredAsTheFormItWas() throws IOException {
        // SendCloud's default: the event's fields form-encoded, its Chinese words as UTF-8 escapes
        String form = "event=invalid&message=invalid+email&category=shop_trigger&labelId=&maillistTaskId="
                + "&emailId=" + java.net.URLEncoder.encode("1796551499876_104117_18546_8821.sc-10_9_13_45-inbound0$gone@example.cn",
                java.nio.charset.StandardCharsets.UTF_8)
                + "&recipient=gone%40example.cn&timestamp=1796551500000&token=q3VbN0aWlT6cX1rY8mPz&signature=5b0c3f0e0b6f"
                + "&subStat=406&subStatDesc=" + java.net.URLEncoder.encode("地址不存在", java.nio.charset.StandardCharsets.UTF_8) + "\r\n";
        byte[] body = form.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        ApiClient.Response r = api.post("/api/v1/events", "application/x-www-form-urlencoded", body);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("events").asInt()).isEqualTo(1);
        assertThat(r.json().get("results").get(0).get("recipient").asText()).isEqualTo("gone@example.cn");
        assertThat(r.json().get("results").get(0).get("reason").asText()).isEqualTo("userunknown");
        assertThat(r.json().get("results").get(0).get("diagnosticCode").asText()).isEqualTo("SendCloud: 地址不存在 (406)");
        assertThat(r.json().get("results").get(0).get("timestamp").asText()).isEqualTo("2026-12-06T10:05:00Z");

        // stored (on a server of its own: this class's other tests count what is stored), it comes back a form
        try (RunningServer own = RunningServer.embedded()) {
            assertThat(own.api.post("/api/v1/events?store=true", "application/x-www-form-urlencoded", body).status()).isEqualTo(201);
            long id = own.api.get("/api/v1/messages").json().get("results").get(0).get("id").asLong();
            ApiClient.Response raw = own.api.get("/api/v1/messages/" + id + "/raw");
            assertThat(raw.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(raw.body()).isEqualTo(form);
        }

        // what is neither JSON nor a form is still refused
        ApiClient.Response words = api.post("/api/v1/events", "text/plain",
                "event = invalid, recipient = gone@example.cn".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(words.status()).isEqualTo(400);
    }

    @Test
    void anElasticEmailNotificationIsReadByItsCategory() {
        String elastic = "{\"from\":\"news@sender.example.com\",\"to\":\"nobody@no-such-domain.example\","
                + "\"date\":\"2026-12-06T10:05:00\",\"subject\":\"December news\",\"status\":\"Error\","
                + "\"category\":\"DNSProblem\",\"messageid\":\"Xq3T7bLkP2vRw9ZmN4cJ8a2\","
                + "\"transaction\":\"5bc7a3d1-8e2f-4b6a-9c0d-1e2f3a4b5c6d\"}";
        ApiClient.Response r = api.post("/api/v1/events", "application/json", elastic.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").get(0).get("recipient").asText()).isEqualTo("nobody@no-such-domain.example");
        assertThat(r.json().get("results").get(0).get("reason").asText()).isEqualTo("hostunknown");
        assertThat(r.json().get("results").get(0).get("hardBounce").asBoolean()).isTrue();
        assertThat(r.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("elastic-email-event");
    }

    @Test
    void anElasticEmailNotificationSentAsAGetQueryIsReadAndStoredAsItsFields() throws IOException {
        // Elastic Email calls the notification URL with GET, the event's fields in the query
        String query = "to=nobody%40mail.example.org&status=Error&category=NoMailbox&date=2026-12-06T10%3A05%3A00"
                + "&subject=December+news&from=news%40sender.example.com&messageid=Xq3T7bLkP2vRw9ZmN4cJ8a2"
                + "&transaction=5bc7a3d1-8e2f-4b6a-9c0d-1e2f3a4b5c6d&channel=December&account=owner%40sender.example.com";
        ApiClient.Response r = api.get("/api/v1/events?lang=zh-CN&" + query);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("events").asInt()).isEqualTo(1);
        JsonNode record = r.json().get("results").get(0);
        assertThat(record.get("recipient").asText()).isEqualTo("nobody@mail.example.org");
        assertThat(record.get("reason").asText()).isEqualTo("userunknown");
        assertThat(record.get("subject").asText()).isEqualTo("December news");
        assertThat(record.get("decodedBy").asText()).isEqualTo("elastic-email-event");
        assertThat(record.get("explanation").asText()).as("lang is this API's, not the event's").containsPattern("[\\u4e00-\\u9fff]");

        // stored (on a server of its own: this class's other tests count what is stored), it is kept as the form it was
        try (RunningServer own = RunningServer.embedded()) {
            assertThat(own.api.get("/api/v1/events?store=true&" + query).status()).isEqualTo(201);
            long id = own.api.get("/api/v1/messages").json().get("results").get(0).get("id").asLong();
            ApiClient.Response raw = own.api.get("/api/v1/messages/" + id + "/raw");
            assertThat(raw.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(raw.body()).isEqualTo(query);
        }

        // a GET without an event's fields says what it wants
        ApiClient.Response none = api.get("/api/v1/events?lang=en");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("error").asText()).contains("query");
    }

    @Test
    void anAliyunDirectMailEventFromEventBridgeIsReadByTheChineseProvidersReply() {
        // EventBridge's HTTP target gets the whole CloudEvents envelope, DirectMail's event under "data"
        String aliyun = "{\"data\":{\"from\":\"notice@mail.sender.example.cn\",\"rcpt\":\"gone@qq.example.com\","
                + "\"msg_id\":\"1df0c2a4e5b7@mail.sender.example.cn\",\"deliver_time\":\"2026-12-06T18:06:00\","
                + "\"event\":\"dm:Deliver:Fail\",\"err_code\":\"550\",\"err_msg\":\"550 Mailbox not found. "
                + "http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728\"},\"id\":\"8734hhidu983hi402\","
                + "\"source\":\"acs:dm\",\"specversion\":\"1.0\",\"time\":\"2026-12-06T18:06:00+08:00\","
                + "\"type\":\"dm:Deliver:Fail\"}";
        ApiClient.Response r = api.post("/api/v1/events", "application/json", aliyun.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").get(0).get("recipient").asText()).isEqualTo("gone@qq.example.com");
        assertThat(r.json().get("results").get(0).get("reason").asText()).isEqualTo("userunknown");
        assertThat(r.json().get("results").get(0).get("provider").asText()).isEqualTo("tencent");
        assertThat(r.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("aliyun-dm-event");
    }

    @Test
    void aMandrillWebhooksFormBodyIsReadAsItsEvents() {
        String events = "[{\"event\":\"hard_bounce\",\"ts\":1796551700,\"msg\":{\"email\":\"missing@example.net\","
                + "\"sender\":\"hello@sender.example\",\"bounce_description\":\"bad_mailbox\","
                + "\"diag\":\"smtp;550 5.1.1 The email account that you tried to reach does not exist.\"}}]";
        byte[] form = ("mandrill_events=" + java.net.URLEncoder.encode(events, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        ApiClient.Response r = api.post("/api/v1/events", "application/x-www-form-urlencoded", form);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").get(0).get("recipient").asText()).isEqualTo("missing@example.net");
        assertThat(r.json().get("results").get(0).get("reason").asText()).isEqualTo("userunknown");
        assertThat(r.json().get("results").get(0).get("decodedBy").asText()).isEqualTo("mandrill-event");

        // stored, it comes back as it was posted: a form, not JSON
        assertThat(api.post("/api/v1/events?store=true", "application/x-www-form-urlencoded", form).status()).isEqualTo(201);
        long id = api.get("/api/v1/messages").json().get("results").get(0).get("id").asLong();
        ApiClient.Response raw = api.get("/api/v1/messages/" + id + "/raw");
        assertThat(raw.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(raw.body()).isEqualTo(new String(form, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
