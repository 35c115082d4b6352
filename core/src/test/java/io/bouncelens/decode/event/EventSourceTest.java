package io.bouncelens.decode.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Sending services' events, as written here from their documented fields, read and diagnosed. */
class EventSourceTest {

    private static final Bouncelens BOUNCELENS = Bouncelens.standard();

    private record Read(List<BounceRecord> records, List<String> problems, List<String> notices, int events) {
    }

    private static Read read(InputStream in) {
        return read(in, Lang.EN);
    }

    private static Read read(InputStream in, Lang lang) {
        List<BounceRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        int events = 0;
        try (EventSource source = new EventSource(in)) {
            while (source.hasNext()) {
                EventSource.Event e = source.next();
                events++;
                if (e.problem() != null) problems.add("#" + e.number() + " " + e.problem());
                if (e.notice() != null) notices.add(e.notice());
                records.addAll(BOUNCELENS.eventRecords(e.report(), lang, "events", e.number()));
            }
        }
        return new Read(records, problems, notices, events);
    }

    private static Read fixture(String name) throws IOException {
        return fixture(name, Lang.EN);
    }

    private static Read fixture(String name, Lang lang) throws IOException {
        try (InputStream in = EventSourceTest.class.getResourceAsStream(name)) {
            return read(in, lang);
        }
    }

    private static Read text(String json) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anSesBounceInItsSnsEnvelopeGivesEachRecipientWithTheServersReply() throws IOException {
        Read r = fixture("ses-sns-bounce.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.records()).extracting(BounceRecord::recipient, BounceRecord::reason, BounceRecord::hardBounce,
                        BounceRecord::status, BounceRecord::replyCode)
                .containsExactly(tuple("gone.away@mail.example.org", Reason.USERUNKNOWN, true, "5.1.1", 550),
                        tuple("noreply-test@qq.example", Reason.USERUNKNOWN, true, "5.0.0", 550));
        BounceRecord first = r.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("ses-event");
        assertThat(first.addresser()).isEqualTo("news@sender.example");
        assertThat(first.messageId()).isEqualTo("<newsletter-2026-12@sender.example>");
        assertThat(first.subject()).isEqualTo("December news");
        assertThat(first.remoteHost()).isEqualTo("192.0.2.25");
        assertThat(first.reportingMta()).isEqualTo("b224-13.smtp-out.eu-west-1.amazonses.com");
        assertThat(first.diagnosticCode()).startsWith("550 5.1.1 <gone.away@").doesNotStartWith("smtp;");
        // Tencent's "Mailbox not found" is read as Tencent's, from its reply
        assertThat(r.records().get(1).provider()).isEqualTo("tencent");
    }

    @Test
    void sesPublishedEventsGiveDelaysComplaintsDeliveriesAndSuppressionsAndSkipTheRest() throws IOException {
        Read r = fixture("ses-events.jsonl");

        assertThat(r.events()).isEqualTo(5);
        assertThat(r.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason)
                .containsExactly(tuple(2, "busy@mail.example.net", "delayed", Reason.MAILBOXFULL),
                        tuple(3, "reader@mail.example.net", "delivered", Reason.DELIVERED),
                        tuple(4, "angry@mail.example.net", "failed", Reason.FEEDBACK),
                        tuple(5, "old@mail.example.net", "failed", Reason.SUPPRESSED));
        assertThat(r.records().get(2).feedbackType()).isEqualTo("abuse");
        // SES sent nothing to an address on its suppression list: no server said 5.1.1 this time
        assertThat(r.records().get(3).hardBounce()).isFalse();
    }

    @Test
    void aSendGridBatchGivesOneRecordPerBounceDropDeferralAndComplaint() throws IOException {
        Read r = fixture("sendgrid-batch.json");

        assertThat(r.events()).isEqualTo(8);
        assertThat(r.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason)
                .containsExactly(tuple(2, "gone@mail.example.com", "failed", Reason.USERUNKNOWN),
                        tuple(3, "listed@mail.example.com", "failed", Reason.BLOCKED),
                        tuple(4, "unsubscribed@mail.example.com", "failed", Reason.SUPPRESSED),
                        tuple(5, "slow@mail.example.com", "delayed", Reason.BADREPUTATION),
                        tuple(6, "fan@mail.example.com", "delivered", Reason.DELIVERED),
                        tuple(8, "spam-reporter@mail.example.com", "failed", Reason.FEEDBACK));
        assertThat(r.records().get(0).timestamp()).isEqualTo("2026-12-06T10:00:02Z");
        assertThat(r.records().get(0).messageId()).isEqualTo("<14c5d75ce93.dfd.64b469@ismtpd-555>");
        assertThat(r.records().get(3).status()).startsWith("4.7.0");
    }

    @Test
    void aMailgunWebhookAndAPostmarkWebhookGiveTheirRecipient() throws IOException {
        BounceRecord mailgun = fixture("mailgun-failed.json").records().get(0);
        assertThat(mailgun.recipient()).isEqualTo("someone@gmail.example");
        assertThat(mailgun.reason()).isEqualTo(Reason.AUTHFAILURE); // DMARC
        assertThat(mailgun.replyCode()).isEqualTo(550);
        assertThat(mailgun.remoteHost()).isEqualTo("gmail-smtp-in.l.google.com");
        assertThat(mailgun.addresser()).isEqualTo("bounce+abc@mg.sender.example");
        assertThat(mailgun.timestamp()).isEqualTo("2026-12-06T10:01:40.123Z");

        BounceRecord postmark = fixture("postmark-bounce.json").records().get(0);
        assertThat(postmark.recipient()).isEqualTo("disabled@mail.example.com");
        assertThat(postmark.reason()).isEqualTo(Reason.SUSPEND);
        assertThat(postmark.decodedBy()).isEqualTo("postmark-event");
        assertThat(postmark.messageId()).as("Postmark's own id is no Message-ID").isNull();
    }

    @Test
    void aSparkPostBatchAndMandrillEventsGiveTheirRecipientsByTheirOwnClasses() throws IOException {
        Read sparkpost = fixture("sparkpost-batch.json");
        assertThat(sparkpost.events()).isEqualTo(7);
        assertThat(sparkpost.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason)
                .containsExactly(tuple(1, "nobody@mail.example.com", "failed", Reason.USERUNKNOWN),
                        tuple(2, "slow@mail.example.com", "delayed", Reason.SYSTEMERROR),
                        tuple(3, "suppressed@mail.example.com", "failed", Reason.SUPPRESSED),
                        tuple(4, "away@mail.example.com", "vacation", Reason.VACATION),
                        tuple(5, "annoyed@mail.example.com", "failed", Reason.FEEDBACK),
                        tuple(6, "happy@mail.example.com", "delivered", Reason.DELIVERED));
        assertThat(sparkpost.records().get(0).addresser()).isEqualTo("sender@sender.example");
        assertThat(sparkpost.records().get(0).timestamp()).isEqualTo("2026-12-06T10:05:00Z");
        assertThat(sparkpost.records().get(0).messageId()).as("SparkPost's own id is no Message-ID").isNull();

        Read mandrill = fixture("mandrill-events.json");
        assertThat(mandrill.records()).extracting(BounceRecord::recipient, BounceRecord::action, BounceRecord::reason,
                        BounceRecord::hardBounce)
                .containsExactly(tuple("missing@mail.example.net", "failed", Reason.USERUNKNOWN, true),
                        tuple("full@mail.example.net", "delayed", Reason.MAILBOXFULL, false),
                        tuple("blacklisted@mail.example.net", "failed", Reason.SUPPRESSED, false),
                        tuple("reporter@mail.example.net", "failed", Reason.FEEDBACK, false));
        assertThat(mandrill.records().get(0).decodedBy()).isEqualTo("mandrill-event");
    }

    @Test
    void mailjetsOwnWordsForABounceDecideItsReasonAndItsListsMeanNothingWasSent() throws IOException {
        // Mailjet quotes no reply: "user unknown" under "recipient" is its verdict, not a filter's words
        Read mailjet = fixture("mailjet-events.json");
        assertThat(mailjet.events()).isEqualTo(7);
        assertThat(mailjet.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple(1, "missing@mail.example.org", "failed", Reason.USERUNKNOWN, true),
                        tuple(2, "full@mail.example.org", "delayed", Reason.MAILBOXFULL, false),
                        tuple(3, "bounced-before@mail.example.org", "failed", Reason.SUPPRESSED, false),
                        tuple(4, "nobody@no-such-domain.example", "failed", Reason.HOSTUNKNOWN, true),
                        tuple(5, "annoyed@mail.example.org", "failed", Reason.FEEDBACK, false),
                        tuple(6, "happy@mail.example.org", "delivered", Reason.DELIVERED, false));
        BounceRecord first = mailjet.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("mailjet-event");
        assertThat(first.diagnosticCode()).isEqualTo("Mailjet: user unknown (recipient)");
        assertThat(first.messageId()).as("Mailjet's MessageID is its own number").isNull();
        assertThat(first.timestamp()).isEqualTo("2026-12-06T10:08:20Z");
        assertThat(mailjet.records().get(5).diagnosticCode()).startsWith("sent (250 2.0.0 OK");
    }

    @Test
    void brevosBouncesAreReadByTheServersReplyAndItsBlockListMeansNothingWasSent() throws IOException {
        Read brevo = fixture("brevo-events.jsonl");
        assertThat(brevo.events()).isEqualTo(7);
        assertThat(brevo.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason)
                .containsExactly(tuple(1, "missing@mail.example.com", "failed", Reason.USERUNKNOWN),
                        tuple(2, "full@mail.example.com", "delayed", Reason.MAILBOXFULL),
                        tuple(3, "complained-before@mail.example.com", "failed", Reason.SUPPRESSED),
                        tuple(4, "not-an-address@", "failed", Reason.SYNTAXERROR),
                        tuple(5, "annoyed@mail.example.com", "failed", Reason.FEEDBACK),
                        tuple(6, "happy@mail.example.com", "delivered", Reason.DELIVERED));
        BounceRecord first = brevo.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("brevo-event");
        assertThat(first.status()).isEqualTo("5.1.1");
        assertThat(first.messageId()).isEqualTo("<202612061005.12345678901@smtp-relay.mailin.fr>");
        assertThat(first.subject()).isEqualTo("Your order");
        assertThat(first.timestamp()).isEqualTo("2026-12-06T10:05:00Z");
    }

    @Test
    void resendsBounceTypesDecideRetryingAndItsSubTypesSpeakWhereNoReplyIsQuoted() throws IOException {
        Read resend = fixture("resend-events.jsonl");
        assertThat(resend.events()).isEqualTo(9);
        assertThat(resend.problems()).isEmpty();
        assertThat(resend.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple(1, "missing@mail.example.org", "failed", Reason.USERUNKNOWN, true),
                        tuple(2, "busy@mail.example.org", "delayed", Reason.MAILBOXFULL, false),
                        tuple(3, "bounced-before@mail.example.org", "failed", Reason.SUPPRESSED, false),
                        tuple(4, "slow@mail.example.org", "delayed", Reason.UNDEFINED, false),
                        tuple(5, "annoyed@mail.example.org", "failed", Reason.FEEDBACK, false),
                        tuple(6, "happy@mail.example.org", "delivered", Reason.DELIVERED, false),
                        tuple(6, "also-happy@mail.example.org", "delivered", Reason.DELIVERED, false),
                        tuple(7, "unlucky@mail.example.org", "failed", Reason.UNDEFINED, false),
                        tuple(8, "listed@mail.example.org", "failed", Reason.SUPPRESSED, false));
        BounceRecord first = resend.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("resend-event");
        assertThat(first.status()).isEqualTo("5.1.1");
        assertThat(first.replyCode()).isEqualTo(550);
        assertThat(first.diagnosticCode()).startsWith("550 5.1.1 <missing@").doesNotStartWith("smtp;");
        assertThat(first.messageId()).isEqualTo("<0102019a3c7e1f2b-aa11@mail.sender.example>");
        assertThat(first.addresser()).isEqualTo("orders@sender.example");
        assertThat(first.subject()).isEqualTo("Your receipt");
        assertThat(first.timestamp()).isEqualTo("2026-12-06T10:20:01.412Z");
        assertThat(resend.records().get(4).feedbackType()).isEqualTo("abuse");
        // a send Resend refused for its own reasons says so, and is no fault of the address
        assertThat(resend.records().get(7).diagnosticCode()).isEqualTo("Resend did not send the message: reached_daily_quota");
        assertThat(resend.records().get(7).messageId()).isNull();
    }

    @Test
    void scalewaysEventsJoinTheReplysCodeToItsTextAndNameTheMessageFromTheirHeaderList() throws IOException {
        Read scaleway = fixture("scaleway-tem-events.jsonl");
        assertThat(scaleway.events()).isEqualTo(7);
        assertThat(scaleway.problems()).isEmpty();
        assertThat(scaleway.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple(1, "missing@mail.example.net", "failed", Reason.USERUNKNOWN, true),
                        tuple(2, "full@mail.example.net", "delayed", Reason.MAILBOXFULL, false),
                        tuple(3, "gone@mail.example.net", "failed", Reason.USERUNKNOWN, true),
                        tuple(4, "reader@mail.example.net", "failed", Reason.SPAMDETECTED, false),
                        tuple(5, "bounced-before@mail.example.net", "failed", Reason.SUPPRESSED, false),
                        tuple(6, "happy@mail.example.net", "delivered", Reason.DELIVERED, false));
        BounceRecord first = scaleway.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("scaleway-tem-event");
        // the code and the text come apart; the record has the reply as the server sent it
        assertThat(first.diagnosticCode()).startsWith("550 5.1.1 <missing@mail.example.net>: Recipient address rejected");
        assertThat(first.status()).isEqualTo("5.1.1");
        assertThat(first.replyCode()).isEqualTo(550);
        assertThat(first.messageId()).isEqualTo("<tem-1@sender.example>");
        assertThat(first.subject()).isEqualTo("Your order");
        assertThat(first.addresser()).isEqualTo("orders@sender.example");
        assertThat(first.timestamp()).isEqualTo("2026-12-07T10:01:00Z");
        assertThat(scaleway.records().get(1).status()).isEqualTo("4.2.2");
        // a blocklisted address was never sent to: Scaleway's own list, and why the address is on it
        assertThat(scaleway.records().get(4).diagnosticCode())
                .isEqualTo("Scaleway did not send the message: the address is on its blocklist (mailbox_not_found): "
                        + "hard bounce on 2026-12-01");
    }

    @Test
    void scalewaysTopicsAndEventsEnvelopeIsOpenedAndItsSubscriptionNamedAsScaleways() {
        String dropped = "{\"type\":\"email_dropped\",\"domain_id\":\"7a8b9c0d\",\"email_to\":\"nobody@example.net\","
                + "\"email_response_code\":550,\"email_response_message\":\"5.1.1 mailbox unavailable\"}";
        String notification = "{\"Type\":\"Notification\",\"MessageId\":\"da41e39f\",\"TopicArn\":\"arn:scw:sns:fr-par:project-x:tem\","
                + "\"Message\":" + quoted(dropped) + "}";
        Read r = text(notification + "\n{\"Type\":\"SubscriptionConfirmation\",\"TopicArn\":\"arn:scw:sns:fr-par:project-x:tem\","
                + "\"SubscribeURL\":\"https://sns.mnq.fr-par.scaleway.com/?Action=ConfirmSubscription&Token=1\"}");

        assertThat(r.records()).extracting(BounceRecord::recipient, BounceRecord::reason, BounceRecord::decodedBy)
                .containsExactly(tuple("nobody@example.net", Reason.USERUNKNOWN, "scaleway-tem-event"));
        assertThat(r.notices()).singleElement().asString()
                .startsWith("a Scaleway Topics and Events subscription confirmation")
                .contains("SubscribeURL https://sns.mnq.fr-par.scaleway.com/");
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void smtp2gosBouncesAreReadByTheServersAnswerWithItsHostAndTheCommandItsContextNames() throws IOException {
        Read smtp2go = fixture("smtp2go-events.json");
        assertThat(smtp2go.events()).isEqualTo(6);
        assertThat(smtp2go.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple(1, "missing@mail.example.com", "failed", Reason.USERUNKNOWN, true),
                        tuple(2, "full@mail.example.com", "delayed", Reason.MAILBOXFULL, false),
                        tuple(3, "complained-before@mail.example.com", "failed", Reason.UNDEFINED, false),
                        tuple(4, "annoyed@mail.example.com", "failed", Reason.FEEDBACK, false),
                        tuple(5, "happy@mail.example.com", "delivered", Reason.DELIVERED, false));
        BounceRecord first = smtp2go.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("smtp2go-event");
        assertThat(first.status()).isEqualTo("5.1.1");
        assertThat(first.replyCode()).isEqualTo(550);
        assertThat(first.command()).isEqualTo("RCPT");
        assertThat(first.remoteHost()).isEqualTo("mx1.mail.example.com [192.0.2.61]");
        assertThat(first.addresser()).isEqualTo("bounces@sender.example");
        assertThat(first.subject()).isEqualTo("Your order has shipped");
        assertThat(first.timestamp()).isEqualTo("2026-12-06T10:30:12Z");
        assertThat(first.messageId()).as("SMTP2GO's email_id is its own").isNull();
        // a reject names no one cause (its suppressions, an unverified sender, a sandbox): nothing is guessed
        assertThat(smtp2go.records().get(2).diagnosticCode()).startsWith("SMTP2GO did not send the message");
        assertThat(smtp2go.records().get(3).feedbackType()).isEqualTo("abuse");
    }

    @Test
    void noEventOfOneServiceIsRecognisedByAnother() throws IOException {
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("ses-events.jsonl", "ses-event");
        fixtures.put("sendgrid-batch.json", "sendgrid-event");
        fixtures.put("mailgun-failed.json", "mailgun-event");
        fixtures.put("postmark-bounce.json", "postmark-event");
        fixtures.put("sparkpost-batch.json", "sparkpost-event");
        fixtures.put("mandrill-events.json", "mandrill-event");
        fixtures.put("tencent-ses-events.jsonl", "tencent-ses-event");
        fixtures.put("mailjet-events.json", "mailjet-event");
        fixtures.put("brevo-events.jsonl", "brevo-event");
        fixtures.put("resend-events.jsonl", "resend-event");
        fixtures.put("smtp2go-events.json", "smtp2go-event");
        fixtures.put("sendcloud-events.jsonl", "sendcloud-event");
        fixtures.put("elastic-email-notifications.jsonl", "elastic-email-event");
        fixtures.put("aliyun-dm-events.jsonl", "aliyun-dm-event");
        fixtures.put("scaleway-tem-events.jsonl", "scaleway-tem-event");
        // SendCloud's request event names its recipients in a list and says nothing of delivery: no format takes it
        Set<String> readByNone = Set.of("sendcloud-events.jsonl event 9");
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            List<Map<String, Object>> events = objects(f.getKey());
            assertThat(events).as(f.getKey()).isNotEmpty();
            for (int i = 0; i < events.size(); i++) {
                Map<String, Object> event = events.get(i);
                String where = f.getKey() + " event " + (i + 1);
                List<String> readBy = EventSource.FORMATS.stream().filter(format -> format.recognises(event))
                        .map(EventSourceTest::formatName).toList();
                if (readByNone.contains(where)) assertThat(readBy).as(where).isEmpty();
                else assertThat(readBy).as(where).containsExactly(f.getValue());
            }
        }
    }

    @Test
    void sendCloudsSubStatusesDecideWhereItQuotesNoReplyAndItsCauseIsReadAsTheServersReply() throws IOException {
        Read sendcloud = fixture("sendcloud-events.jsonl");
        assertThat(sendcloud.events()).isEqualTo(9);
        assertThat(sendcloud.problems()).isEmpty();
        assertThat(sendcloud.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple(1, "nobody@mail.example.cn", "failed", Reason.USERUNKNOWN, true),
                        tuple(2, "bounced.before@mail.example.cn", "failed", Reason.SUPPRESSED, false),
                        tuple(3, "zhang san@mail.example.cn", "failed", Reason.SYNTAXERROR, false),
                        tuple(4, "refused@mail.example.cn", "delayed", Reason.BLOCKED, false),
                        tuple(5, "full@mail.example.org", "delayed", Reason.MAILBOXFULL, false),
                        tuple(6, "annoyed@mail.example.cn", "failed", Reason.FEEDBACK, false),
                        tuple(7, "happy@mail.example.cn", "delivered", Reason.DELIVERED, false));
        BounceRecord first = sendcloud.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("sendcloud-event");
        assertThat(first.diagnosticCode()).isEqualTo("SendCloud: 地址不存在 (406)");
        assertThat(first.messageId()).as("SendCloud's emailId is its own id").isNull();
        assertThat(first.timestamp()).as("SendCloud writes milliseconds").isEqualTo("2026-12-06T10:05:00Z");
        BounceRecord full = sendcloud.records().get(4);
        assertThat(full.status()).isEqualTo("4.2.2");
        assertThat(full.replyCode()).isEqualTo(452);
        assertThat(sendcloud.records().get(5).feedbackType()).isEqualTo("abuse");

        // a Chinese service's Chinese-speaking users: the explanation in zh-CN
        BounceRecord zh = fixture("sendcloud-events.jsonl", Lang.ZH_CN).records().get(0);
        assertThat(zh.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(zh.explanation()).isNotBlank().isNotEqualTo(first.explanation())
                .containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void aSoftBounceThatNamesAMissingAddressStaysSoftSinceTheServiceIsStillTrying() {
        Read r = text("{\"event\":\"soft_bounce\",\"recipient\":\"moved.on@mail.example.cn\",\"emailId\":\"1796551499876_1$moved.on@mail.example.cn\","
                + "\"timestamp\":1796551500000,\"subStat\":506,\"subStatDesc\":\"地址不存在\"}");
        assertThat(r.records()).extracting(BounceRecord::action, BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple("delayed", Reason.USERUNKNOWN, false));
    }

    @Test
    void elasticEmailsCategoriesNameTheReasonWhereOneIsNamedAndItsOwnListMeansNothingWasSent() throws IOException {
        // Elastic Email quotes no reply: its category is all there is to go on
        Read elastic = fixture("elastic-email-notifications.jsonl");
        assertThat(elastic.events()).isEqualTo(8);
        assertThat(elastic.problems()).isEmpty();
        assertThat(elastic.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple(1, "missing@mail.example.org", "failed", Reason.USERUNKNOWN, true),
                        tuple(2, "someone@no-such-domain.example", "failed", Reason.HOSTUNKNOWN, true),
                        tuple(3, "bounced.before@mail.example.org", "failed", Reason.SUPPRESSED, false),
                        tuple(4, "busy@mail.example.org", "failed", Reason.RATELIMITED, false),
                        // a full mailbox or one no longer used: Elastic Email does not say which
                        tuple(5, "old.account@mail.example.org", "failed", Reason.UNDEFINED, false),
                        tuple(6, "annoyed@mail.example.org", "failed", Reason.FEEDBACK, false),
                        tuple(7, "happy@mail.example.org", "delivered", Reason.DELIVERED, false));
        BounceRecord first = elastic.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("elastic-email-event");
        assertThat(first.diagnosticCode()).isEqualTo("Elastic Email: NoMailbox");
        assertThat(first.addresser()).isEqualTo("news@sender.example.com");
        assertThat(first.subject()).isEqualTo("December news");
        assertThat(first.messageId()).as("Elastic Email's messageid is its own id").isNull();
        assertThat(first.timestamp()).isEqualTo("2026-12-06T10:05:00");
        assertThat(elastic.records().get(5).feedbackType()).isEqualTo("abuse");
    }

    @Test
    void aliyunDirectMailsFailuresThroughEventBridgeAreReadByTheServersReplyWithChineseProvidersCodes() throws IOException {
        Read aliyun = fixture("aliyun-dm-events.jsonl");
        assertThat(aliyun.events()).isEqualTo(5);
        assertThat(aliyun.problems()).isEmpty();
        assertThat(aliyun.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason, BounceRecord::hardBounce)
                .containsExactly(tuple(1, "nobody@mail.example.cn", "failed", Reason.USERUNKNOWN, true),
                        tuple(2, "gone@qq.example.com", "failed", Reason.USERUNKNOWN, true),
                        tuple(3, "happy@mail.example.cn", "delivered", Reason.DELIVERED, false),
                        // a rule that passes on only the event's data
                        tuple(5, "reader@163.example.com", "failed", Reason.SPAMDETECTED, false));
        BounceRecord first = aliyun.records().get(0);
        assertThat(first.decodedBy()).isEqualTo("aliyun-dm-event");
        assertThat(first.status()).isEqualTo("5.1.1");
        assertThat(first.replyCode()).isEqualTo(550);
        assertThat(first.addresser()).isEqualTo("notice@mail.sender.example.cn");
        assertThat(first.messageId()).as("DirectMail's msg_id is its own id").isNull();
        assertThat(first.timestamp()).isEqualTo("2026-12-06T18:05:00+08:00");
        assertThat(aliyun.records().get(1).provider()).isEqualTo("tencent");
        assertThat(aliyun.records().get(3).provider()).isEqualTo("netease");
        assertThat(aliyun.records().get(3).timestamp()).as("DirectMail's own time, as written").isEqualTo("2026-12-06T18:09:00");
    }

    /** The JSON objects of a fixture: one, an array of them, or one per line. */
    private static List<Map<String, Object>> objects(String name) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (InputStream in = EventSourceTest.class.getResourceAsStream(name);
             JsonParser parser = new JsonFactory().createParser(in)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t != JsonToken.START_OBJECT) continue;
                @SuppressWarnings("unchecked") Map<String, Object> event = (Map<String, Object>) JsonTree.read(parser);
                out.add(event);
            }
        }
        return out;
    }

    private static String formatName(EspFormat format) {
        try {
            return (String) format.getClass().getDeclaredField("FORMAT").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(format.getClass() + " has no FORMAT", e);
        }
    }

    @Test
    void tencentCloudSesCallbacksAreReadWithTencentsOwnCodes() throws IOException {
        Read r = fixture("tencent-ses-events.jsonl");

        assertThat(r.events()).isEqualTo(6);
        assertThat(r.problems()).isEmpty();
        assertThat(r.records()).extracting(BounceRecord::message, BounceRecord::recipient, BounceRecord::action,
                        BounceRecord::reason)
                .containsExactly(tuple(1, "nobody@qq.com", "failed", Reason.USERUNKNOWN),
                        tuple(2, "busy@qq.com", "delayed", Reason.RATELIMITED),
                        tuple(3, "bounced.before@163.com", "failed", Reason.SUPPRESSED),
                        tuple(5, "angry@example.com", "failed", Reason.FEEDBACK),
                        tuple(6, "fan@example.com", "delivered", Reason.DELIVERED));
        BounceRecord bounce = r.records().get(0);
        assertThat(bounce.decodedBy()).isEqualTo("tencent-ses-event");
        assertThat(bounce.provider()).isEqualTo("tencent");
        assertThat(bounce.addresser()).isEqualTo("news@mail.example.cn");
        assertThat(bounce.messageId()).isEqualTo("<0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0@mail.example.cn>");
        assertThat(bounce.timestamp()).isEqualTo("2026-12-06T10:00:02Z");
        assertThat(r.records().get(1).provider()).isEqualTo("tencent");
    }

    @Test
    void theServicesOwnCategoriesDecideWhereTheirTextSaysLittle() {
        Read r = text("{\"event\":\"failed\",\"severity\":\"temporary\",\"reason\":\"generic\",\"recipient\":\"a@example.net\","
                + "\"delivery-status\":{\"code\":0,\"message\":\"\",\"description\":\"\"},\"timestamp\":1796551300}\n"
                + "{\"RecordType\":\"Bounce\",\"Type\":\"DnsError\",\"Email\":\"b@no-such-domain.example\","
                + "\"Description\":\"The server could not temporarily deliver your message.\"}\n"
                + "{\"email\":\"c@example.net\",\"event\":\"dropped\",\"reason\":\"Invalid\",\"sg_event_id\":\"x\"}");

        assertThat(r.records()).extracting(BounceRecord::recipient, BounceRecord::action, BounceRecord::reason)
                .containsExactly(tuple("a@example.net", "delayed", Reason.UNDEFINED),
                        tuple("b@no-such-domain.example", "failed", Reason.HOSTUNKNOWN),
                        tuple("c@example.net", "failed", Reason.SYNTAXERROR));
    }

    @Test
    void anSnsSubscriptionIsANoticeWithItsUrlNotAnError() throws IOException {
        Read r = fixture("sns-subscription.json");

        assertThat(r.records()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.notices()).singleElement().asString().startsWith("an Amazon SNS subscription confirmation")
                .contains("SubscribeURL https://sns.eu-west-1.amazonaws.com/");
    }

    @Test
    void brokenJsonEndsTheStreamWithOneProblemAfterTheEventsBeforeIt() {
        Read r = text("{\"email\":\"a@example.net\",\"event\":\"bounce\",\"reason\":\"550 5.1.1 User unknown\","
                + "\"sg_event_id\":\"1\"}\n{\"email\": \"b@example.net\", \"event\": bounce}\n"
                + "{\"email\":\"c@example.net\",\"event\":\"bounce\",\"reason\":\"550 5.1.1 User unknown\",\"sg_event_id\":\"3\"}");

        assertThat(r.records()).extracting(BounceRecord::recipient).containsExactly("a@example.net");
        assertThat(r.problems()).singleElement().asString().startsWith("#2 not valid JSON at line 2, column");
    }

    @Test
    void whatIsNoEventIsSaidOrSkippedAndNothingIsBuiltBeyondTheLimits() {
        assertThat(text("").events()).isZero();
        assertThat(text("[1, \"x\"]").problems()).containsExactly("#1 not a JSON object", "#2 not a JSON object");
        Read other = text("{\"hello\":\"world\"} {\"Type\":\"Notification\",\"TopicArn\":\"t\",\"Message\":\"not json\"}");
        assertThat(other.records()).isEmpty();
        assertThat(other.problems()).containsExactly("#2 its SNS Message is not valid JSON");

        // (found by fuzzing: the parser's encoding detection threw from the constructor)
        Read ucs4 = read(new ByteArrayInputStream(new byte[] {0, 0, (byte) 0xff, (byte) 0xfe, 'e', 'v', 'e', 0}));
        assertThat(ucs4.problems()).singleElement().asString().startsWith("#1 not valid JSON: ");

        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        assertThat(text(deep).problems()).singleElement().asString().contains("nested more than 32 deep");
        String huge = "{\"email\":\"" + "x".repeat((1 << 20) + 10) + "\"}";
        assertThat(text(huge).problems()).singleElement().asString().contains("not valid JSON").contains("length");
        String longStrings = "{\"a\":[" + ("\"" + "y".repeat(1 << 20) + "\",").repeat(4) + "\"z\"]}";
        assertThat(text(longStrings).problems()).singleElement().asString().contains("more than 4194304 characters");
        StringBuilder many = new StringBuilder("{\"a\":[");
        for (int i = 0; i < 100_001; i++) many.append(i == 0 ? "" : ",").append('0');
        assertThat(text(many + "]}").problems()).singleElement().asString().contains("more than 100000 JSON values");
    }
}
