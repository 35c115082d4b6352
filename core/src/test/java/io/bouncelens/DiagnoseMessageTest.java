package io.bouncelens;

import io.bouncelens.decode.Fixtures;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.read.InputMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The library's front door on whole messages: the same path the CLI uses. */
class DiagnoseMessageTest {

    @Test
    void diagnosesABounceFromAStream() {
        List<BounceRecord> records = Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("dsn-postfix.eml")));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("nobody@receiver.example");
            assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
            assertThat(r.hardBounce()).isTrue();
            assertThat(r.action()).isEqualTo("failed");
            assertThat(r.remoteHost()).isEqualTo("mx.receiver.example");
            assertThat(r.subject()).isEqualTo("你好，世界");
            assertThat(r.explanation()).isNotBlank();
            assertThat(r.fix()).isNotBlank();
        });
    }

    @Test
    void complaintsAutoRepliesAndSuccessesKeepTheirOwnReason() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("arf-abuse.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo(Reason.FEEDBACK);
                    assertThat(r.feedbackType()).isEqualTo("abuse");
                });
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("auto-reply-zh.eml"))))
                .extracting(BounceRecord::reason).containsExactly(Reason.VACATION);
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("delivered-dsn.eml"))))
                .extracting(BounceRecord::reason).containsExactly(Reason.DELIVERED);
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("newsletter.eml")))).isEmpty();
    }

    @Test
    void aSieveFiltersRejectionIsTheRecipientsFilterWhateverItsWordsSayButDovecotsQuotaIsAQuota() {
        // the recipient wrote "Mailbox full" in their reject reason: still their filter, not a quota
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("sieve-reject-dovecot.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo(Reason.FILTERED);
                    assertThat(r.decodedBy()).isEqualTo("sieve-reject");
                    assertThat(r.hardBounce()).isFalse();
                });
        // Dovecot's delivery agent refuses over quota with the same notice: that one is the server's
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("dovecot-quota-reject.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("lena@receiver.example");
                    assertThat(r.reason()).isEqualTo(Reason.MAILBOXFULL);
                });
    }

    @Test
    void dominosNoticeOfTwoReasonsGivesEachAddressItsOwn() {
        // not listed: no such user; several matches: the recipient's directory to mend (as Sisimai has it)
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/domino-two-reasons.eml"))))
                .extracting(BounceRecord::recipient, BounceRecord::reason)
                .containsExactly(tuple("ruth@receiver.example", Reason.USERUNKNOWN),
                        tuple("sales@receiver.example", Reason.SYSTEMERROR));
    }

    @Test
    void aRelaysWrapperInANoticeOfNoKnownLayoutStillNamesTheProvider() {
        // the wrapper on its own line, the reply under it: the host in the wrapper is Tencent's
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("relay-wrapper-wrapped-no-dsn.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("wangwu@qq.example.com");
                    assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
                    assertThat(r.remoteHost()).isEqualTo("mx3.qq.com");
                    assertThat(r.provider()).isEqualTo("tencent");
                });
    }

    @Test
    void powerMtasOwnBounceCategoryDecidesWhereTheReplySaysLittle() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/powermta-category.eml"))))
                .extracting(r -> r.recipient() + " " + r.reason().label())
                .containsExactly("flagged@example.com spamdetected", "unclear@example.com onhold");
    }

    @Test
    void aGatewayWritingSendmailsTranscriptWithoutADeliveryStatusKeepsTheCodesOfItsVerdict() {
        // Active!hunter's notice: sendmail's "----- Transcript of session follows -----" with only
        // "550 5.1.1 <addr>... User unknown" in it, and no message/delivery-status part
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/sendmail-transcript-gateway.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("tanaka.hiroshi@example.net");
                    assertThat(r.replyCode()).isEqualTo(550);
                    assertThat(r.status()).isEqualTo("5.1.1");
                    assertThat(r.reason()).as("an address status says the mailbox is missing").isEqualTo(Reason.USERUNKNOWN);
                    assertThat(r.hardBounce()).isTrue();
                });
    }

    @Test
    void aTranscriptListingTheMessageNamesOnlyItsRecipientAndTheDomainWithoutMailHost() {
        // a mail server's notice pastes its session: the message's details ("*  Message-ID: <...>")
        // above the lookup that failed; no DSN part
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("transcript-lists-message-id-no-dsn.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("buyer@no-mail-here.example");
                    assertThat(r.reason()).isEqualTo(Reason.HOSTUNKNOWN);
                    assertThat(r.hardBounce()).isTrue();
                });
    }

    @Test
    void aReportThatGaveUpIsExpiredThoughTheLastAttemptMetOnlyABusyServer() {
        // Status 5.4.7 (delivery time expired) beside the last attempt's "421 4.7.0 Service not available"
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("dsn-expired-last-reply-temporary.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("payroll@receiver.example");
                    assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
                    assertThat(r.status()).isEqualTo("5.4.7");
                    assertThat(r.replyCode()).isEqualTo(421);
                });
        // a refusal quoted beside the same status is still the reason
        assertThat(Bouncelens.standard().classifier().classify(new io.bouncelens.classify.ReplyEvidence(
                "550 5.1.1 <payroll@receiver.example>: Recipient address rejected: User unknown", "5.4.7", null, null,
                null, null, true)).reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void tencentsNoticeOfTwoBlocksGivesEachRecipientTheServersAnswerBelowItsOwnHeadings() {
        // QQ Mail's layout: 收件人, then "退信原因" and "... 回复：" as headings with the value on the
        // lines below, one block per returned recipient
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/tencent-headings-two-blocks.eml"))))
                .extracting(BounceRecord::recipient, BounceRecord::replyCode, BounceRecord::reason, BounceRecord::decodedBy)
                .containsExactly(
                        tuple("nobody@receiver.example", 550, Reason.USERUNKNOWN, "tencent"),
                        tuple("frozen@other.example", 550, Reason.SUSPEND, "tencent"));
    }

    @Test
    void aChineseMailSystemsLabelledNoticeNoProviderClassKnowsIsReadByItsLabels() {
        // a postmaster's notice in the layout the big Chinese providers use (收件人：, 退信原因：,
        // 服务器返回：), from a system of its own: China Mobile's 139 Mail and hosted systems send these
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/chinese-labelled-notice.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("frozen@receiver.example");
                    assertThat(r.decodedBy()).isEqualTo("chinese-notice");
                    assertThat(r.replyCode()).isEqualTo(550);
                    assertThat(r.reason()).isEqualTo(Reason.SUSPEND);
                });
    }

    @Test
    void aServerThatRefusesAtItsGreetingBlocksTheSendingHost() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/sendmail-greeting.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).as("5.5.0 at the greeting is no syntax error").isEqualTo(Reason.BLOCKED);
                    assertThat(r.command()).isEqualTo("CONN");
                });
    }

    @Test
    void postfixGivingUpIsExpiredUnlessTheLastAttemptLostAnOpenConnection() {
        List<BounceRecord> records = Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/postfix.eml")));

        assertThat(records).filteredOn(r -> r.recipient().equals("cora@far.example"))
                .extracting(BounceRecord::reason).containsExactly(Reason.EXPIRED);
        assertThat(records).filteredOn(r -> r.recipient().equals("dan@flaky.example")).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.NETWORKERROR);
            assertThat(r.hardBounce()).isFalse();
        });
    }

    @Test
    void aMailClientsUnsubscribeRequestIsOptOutFeedbackFromItsSender() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("apple-unsubscribe.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("kim@icloud.example");
                    assertThat(r.reason()).isEqualTo(Reason.FEEDBACK);
                    assertThat(r.feedbackType()).isEqualTo("opt-out");
                    assertThat(r.diagnosticCode()).contains("unsubscribe");
                });
    }

    @Test
    void readsTheFieldsOfAReportWhoseBoundaryBrokeAndTheWordsOfAStatusWithoutDiagnostic() {
        List<BounceRecord> rs = Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/sendmail-broken-boundary.eml")));

        assertThat(rs).extracting(BounceRecord::recipient).containsExactly("ivan@receiver.example", "jane@slow.example");
        assertThat(rs.get(0).reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(rs.get(0).remoteHost()).isEqualTo("mx.receiver.example");
        assertThat(rs.get(1).action()).isEqualTo("delayed");
        assertThat(rs.get(1).diagnosticCode()).isEqualTo("slow.example: host name lookup failure");
        assertThat(rs.get(1).reason()).isEqualTo(Reason.NETWORKERROR);
    }

    @Test
    void aFileDeliveryThatFailedIsTheRecipientEximNamesInItsHeader() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/exim-save-to-file.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("hugo@receiver.example");
                    assertThat(r.reason()).isEqualTo(Reason.MAILBOXFULL);
                });
    }

    @Test
    void anFmlLoopAlertIsASystemErrorOfTheList() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/fml-loop-alert.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("hikers@lists.example");
                    assertThat(r.reason()).isEqualTo(Reason.SYSTEMERROR);
                    assertThat(r.decodedBy()).isEqualTo("fml");
                });
    }

    @Test
    void aMailingListsRefusalIsTheListsPolicyWithAdviceForTheRuleItNames() {
        // Mailman's notice has no bounce sign of its own: titled with the post's subject, from -owner@
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/mailman3-reject.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("builds@lists.sender.example");
                    assertThat(r.reason()).isEqualTo(Reason.POLICYVIOLATION);
                    assertThat(r.hardBounce()).isFalse();
                    assertThat(r.fix()).contains("Subscribe");
                });
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("vendor/mailman2-moderator-reject.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("hiking@lists.sender.example");
                    assertThat(r.fix()).contains("moderator");
                });
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("not-bounce/mailman-held-for-moderator.eml"))))
                .isEmpty();
    }

    @Test
    void aLocalDeliveryProgramThatCannotReachItsBackendIsAMailerErrorNotTheNetwork() {
        // Diagnostic-Code type x-unix: the words are a local program's, and the type is kept to say so
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("dsn-pipe-backend-down.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo(Reason.MAILERERROR);
                    assertThat(r.diagnosticCode()).startsWith("x-unix; intake: cannot connect");
                });
    }

    @Test
    void aNoticeGivingOnlyAnEnhancedStatusBelowItsSentencesIsReadByThatLine() {
        // two sentences naming the address (Czech, English) and the answer further down, with a
        // status but no reply code
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("status-below-bilingual-no-dsn.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("petra@receiver.example");
                    assertThat(r.status()).isEqualTo("5.1.1");
                    assertThat(r.diagnosticCode()).contains("Mailbox does not exist");
                    assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
                });
    }

    @Test
    void aGatewaysDigestOfBouncesGivesEveryBouncesRecipient() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("digest-of-two-bounces.eml"))))
                .extracting(r -> r.recipient() + " " + r.reason().label())
                .containsExactly("full@receiver.example mailboxfull", "gone@other.example userunknown");
    }

    @Test
    void aReasonLineOpeningWithAsterisksIsTheFailureNotADivider() {
        // the DSN gives no Diagnostic-Code; the notice's "*** DNS lookup failed." under the address says it
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("delay-notice-asterisk-reason.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("delayed");
                    assertThat(r.diagnosticCode()).contains("DNS lookup failed");
                    assertThat(r.reason()).isEqualTo(Reason.NETWORKERROR);
                });
    }

    @Test
    void aMailSystemsOwnNoticeThatTheUserIsUnknownIsAHardBounce() {
        // read by the generic text scanner: the notice's own verdict, not a reply quoted without its stage
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("plain-no-such-user.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.recipient()).isEqualTo("olga@receiver.example");
                    assertThat(r.decodedBy()).isEqualTo("text");
                    assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
                    assertThat(r.hardBounce()).isTrue();
                });
    }

    @Test
    void explainsInTheLanguageAsked() {
        BounceRecord zh = Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("dsn-postfix.eml")), Lang.ZH_TW).get(0);

        assertThat(zh.fix()).containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void aMessageCutByTheReaderIsMarkedTruncated() {
        byte[] bytes = Fixtures.bytes("dsn-postfix.eml");
        MessageDiagnosis d = Bouncelens.standard().diagnose(new InputMessage("big.eml", 1, bytes, true, null), Lang.EN);

        assertThat(d.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(d.truncated()).isTrue();
        assertThat(d.records()).allSatisfy(r -> assertThat(r.truncated()).isTrue());
        assertThat(d.problems().get(0)).contains("larger than");
    }

    @Test
    void aProvidersOwnReportIsReadWithThatProvidersMeaningOfItsWords() {
        // Outlook.com's "mailbox unavailable" for an address it does not have: its own report,
        // naming no other host, is a hard bounce; the same words a report quotes from an unknown
        // host, or from a host it names beside Microsoft's, stay a reply without its stage
        BounceRecord own = dsn("BAY004-MC1F22.hotmail.com", null).get(0);
        assertThat(own.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(own.hardBounce()).isTrue();
        assertThat(own.provider()).isEqualTo("microsoft");
        assertThat(own.remoteHost()).as("the reporting host is not the remote one").isNull();

        assertThat(dsn("mx.sender.example", null)).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.FILTERED);
            assertThat(r.provider()).isNull();
        });
        assertThat(dsn("BAY004-MC1F22.hotmail.com", "mx.receiver.example")).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.FILTERED);
            assertThat(r.remoteHost()).isEqualTo("mx.receiver.example");
        });
    }

    private static List<BounceRecord> dsn(String reportingMta, String remoteMta) {
        String report = String.join("\r\n",
                "From: postmaster@" + reportingMta,
                "To: sender@sender.example",
                "Subject: Delivery Status Notification (Failure)",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "Delivery to the following recipients failed.",
                "",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns;" + reportingMta,
                "",
                "Final-Recipient: rfc822;gone@receiver.example",
                "Action: failed",
                "Status: 5.5.0",
                remoteMta == null ? "X-No-Remote: none" : "Remote-MTA: dns;" + remoteMta,
                "Diagnostic-Code: smtp;550 Requested action not taken: mailbox unavailable (S2017062302)",
                "",
                "--b--",
                "");
        return Bouncelens.diagnose(new ByteArrayInputStream(report.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
