package io.bouncelens.decode;

import io.bouncelens.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDecoderTest {

    private final ReportDecoder decoder = ReportDecoder.standard(Limits.DEFAULT);

    private DecodedReport decode(String fixture) {
        return decoder.decode(Fixtures.parse(fixture));
    }

    @Test
    void readsEachRecipientOfAnRfc3464Report() {
        DecodedReport r = decode("dsn-postfix.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.decodedBy()).startsWith("rfc3464");
        assertThat(r.addresser()).isEqualTo("alice@sender.example");
        assertThat(r.messageId()).isEqualTo("<original-1@sender.example>");
        List<FailedRecipient> rs = r.recipients();
        assertThat(rs).hasSize(1);
        FailedRecipient f = rs.get(0);
        assertThat(f.recipient()).isEqualTo("nobody@receiver.example");
        assertThat(f.action()).isEqualTo("failed");
        assertThat(f.status()).isEqualTo("5.1.1");
        assertThat(f.replyCode()).isEqualTo(550);
        assertThat(f.command()).isEqualTo("RCPT"); // from the text: "(in reply to RCPT TO command)"
        assertThat(f.remoteHost()).isEqualTo("mx.receiver.example");
        assertThat(f.reportingMta()).isEqualTo("mx.sender.example");
        assertThat(f.diagnosticCode()).startsWith("550 5.1.1 <nobody@receiver.example>: Recipient address rejected");
    }

    @Test
    void readsUtf8AddressesOfAGlobalDeliveryStatus() {
        DecodedReport r = decode("global-dsn-utf8.eml");

        assertThat(r.decodedBy()).isEqualTo("rfc6533");
        assertThat(r.recipients()).extracting(FailedRecipient::recipient)
                .containsExactly("пользователь@пример.рф", "jürgen@bücher.example");
        assertThat(r.recipients()).extracting(FailedRecipient::action).containsExactly("failed", "delayed");
        assertThat(r.recipients().get(0).diagnosticCode()).isEqualTo("550 5.1.1 <пользователь@пример.рф>: mailbox does not exist");
        assertThat(r.recipients().get(0).remoteHost()).isEqualTo("mx.пример.рф");
        assertThat(r.messageId()).isEqualTo("<global-1@sender.example>");
    }

    @Test
    void aComplaintReportIsFeedbackForTheComplainingRecipient() {
        DecodedReport r = decode("arf-abuse.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.FEEDBACK);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("reader@isp.example");
            assertThat(f.feedbackType()).isEqualTo("abuse");
            assertThat(f.reasonHint()).isEqualTo(Reason.FEEDBACK);
            assertThat(f.remoteHost()).isEqualTo("192.0.2.5");
        });
        assertThat(r.messageId()).isEqualTo("<weekly-42@sender.example>");
    }

    @Test
    void aComplaintMicrosoftSendsBackAsTheMessageItselfIsFeedbackForItsAddressee() {
        DecodedReport r = decode("jmrp-resent.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.FEEDBACK);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("reader@hotmail.example");
            assertThat(f.feedbackType()).isEqualTo("abuse");
        });
        assertThat(r.addresser()).isEqualTo("news@sender.example");
        assertThat(r.messageId()).isEqualTo("<offers-2026-03@sender.example>");
    }

    @Test
    void theComplaintHeaderAloneDoesNotMakeAMessageAComplaint() {
        String text = new String(Fixtures.bytes("jmrp-resent.eml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Return-Path: staff@hotmail.com", "Return-Path: <news@sender.example>");
        DecodedReport r = decoder.decode(Fixtures.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.kind()).isEqualTo(MessageKind.NOT_BOUNCE);
    }

    @Test
    void anOutOfOfficeReplyIsVacationOfItsSender() {
        DecodedReport r = decode("auto-reply-zh.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.VACATION);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("lisi@receiver.example.cn");
            assertThat(f.action()).isEqualTo("vacation");
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Automatic reply: Budget", "Automatische Antwort: Budget",
            "Automatiskt svar: Budget", "Automatisk svar: Budget", "Odpowiedź automatyczna: Budget",
            "Automatická odpověď: Budget", "Автоматический ответ: Budget", "자동 회신: Budget", "Resposta automática: Budget",
            "[Automatyczna odpowiedź] Budget"})
    void aReplyTitledAutomaticInTheClientsLanguageIsVacationWithoutAnyHeaderSayingSo(String subject) {
        String message = "From: Dana <dana@receiver.example>\nTo: sender@sender.example\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "?=\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nBack on Monday.\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.kind()).isEqualTo(MessageKind.VACATION);
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("dana@receiver.example");
    }

    @Test
    void anAutomaticAnswerFromNoOneIsAMailSystemsNoticeNotAVacation() {
        DecodedReport r = decode("null-sender-notice.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("pat.doe@receiver.example");
            assertThat(f.diagnosticCode()).contains("not a valid user");
        });
    }

    @Test
    void aPersonsReplyIsNotAnAutoReply() {
        String message = "From: Dana <dana@receiver.example>\nTo: sender@sender.example\nSubject: Re: Budget\n\n"
                + "I am out of the office on Monday, let us talk on Tuesday.\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.kind()).isEqualTo(MessageKind.NOT_BOUNCE);
    }

    private static String dsnWith(String perMessage, String perRecipient) {
        return "From: MAILER-DAEMON@mx.example\nSubject: Delivery Status Notification\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
                + "--b\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
                + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n" + perMessage + "\n"
                + perRecipient + "\n--b--\n";
    }

    @Test
    void withoutRemoteMtaTheHostIsTheOneTheDiagnosticNamesBesideItsAddress() {
        String groups = "Final-Recipient: rfc822; a@receiver.example\nAction: failed\nStatus: 4.4.2\n"
                + "Diagnostic-Code: X-Postfix; delivery temporarily suspended: host mx1.receiver.example[192.0.2.8]\n"
                + " refused to talk to me: 421 Service not available\n\n"
                + "Final-Recipient: rfc822; b@receiver.example\nAction: failed\nStatus: 5.1.1\n"
                + "Remote-MTA: dns; mx2.receiver.example\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 host mx3.receiver.example[192.0.2.9] said: no such user\n";
        DecodedReport r = decoder.decode(Fixtures.parse(dsnWith("", groups).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.recipients()).extracting(FailedRecipient::remoteHost)
                .as("the diagnostic's host, then the Remote-MTA field over it")
                .containsExactly("mx1.receiver.example", "mx2.receiver.example");
    }

    @Test
    void aRecipientWithoutAnActionTakesTheReportsOrItsStatuss() {
        String groups = "Final-Recipient: rfc822; gone@receiver.example\nStatus: 5.1.1\n\n"
                + "Final-Recipient: rfc822; full@receiver.example\nStatus: 4.2.2\n";
        DecodedReport byStatus = decoder.decode(Fixtures.parse(dsnWith("", groups).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(byStatus.recipients()).extracting(FailedRecipient::action).containsExactly("failed", "delayed");

        DecodedReport misplaced = decoder.decode(Fixtures.parse(
                dsnWith("Action: failed\n", "Final-Recipient: rfc822; cr@receiver.example\nStatus: 4.7.0\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(misplaced.recipients()).extracting(FailedRecipient::action).containsExactly("failed");
    }

    @Test
    void aRecipientGroupThatNamesNoOneTakesTheAddressOfXFailedRecipients() {
        String message = dsnWith("", "Action: failed\nStatus: 5.1.1\n")
                .replace("Subject: Delivery Status Notification\n", "Subject: Delivery Status Notification\nX-Failed-Recipients: gone@receiver.example\n");
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("gone@receiver.example");
            assertThat(f.status()).isEqualTo("5.1.1");
        });
    }

    @Test
    void aDeliveredReportIsRecognisedAsSuccess() {
        DecodedReport r = decode("delivered-dsn.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.DELIVERED);
        assertThat(r.recipients()).extracting(FailedRecipient::action).containsExactly("delivered");
    }

    @Test
    void aRecipientNamedFirstInAFriendlySentenceIsReadByTheServersAnswerFurtherDown() {
        // a German Exchange notice without its delivery-status part: the friendly paragraph first,
        // the remote server's answer under "Diagnoseinformationen für Administratoren"
        DecodedReport r = decode("exchange-german-no-dsn.eml");

        FailedRecipient f = r.recipients().get(0);
        assertThat(f.recipient()).isEqualTo("erika.muster@contoso.de");
        assertThat(f.replyCode()).isEqualTo(550);
        assertThat(f.status()).isEqualTo("5.1.10");
        assertThat(f.diagnosticCode()).contains("RESOLVER.ADR.RecipientNotFound");
    }

    @Test
    void aNoticeInNoKnownLayoutGivesTheServersQuotedReplyAsItsDiagnosticCode() {
        // hMailServer's notice: the paragraph about the address, the remote server's reply last
        DecodedReport hmail = decode("hmailserver-no-dsn.eml");

        assertThat(hmail.decodedBy()).isEqualTo("text");
        FailedRecipient joe = hmail.recipients().get(0);
        assertThat(joe.recipient()).isEqualTo("joe@receiver.example");
        assertThat(joe.diagnosticCode()).isEqualTo(
                "Remote server replied: 550 5.1.1 <joe@receiver.example>: Recipient address rejected: User unknown in virtual mailbox table");
        assertThat(joe.command()).as("named by the paragraph above the reply").isEqualTo("RCPT");
        assertThat(joe.replyCode()).isEqualTo(550);

        // a relay's notice quoting Postfix's sentence, its label before it on the same line
        FailedRecipient bob = decode("relay-notice-no-dsn.eml").recipients().get(0);
        assertThat(bob.recipient()).isEqualTo("bob@receiver.example");
        assertThat(bob.diagnosticCode()).startsWith("Reason: host mx1.receiver.example[192.0.2.7] said: 552 5.2.2");
        assertThat(bob.remoteHost()).isEqualTo("mx1.receiver.example");
        assertThat(bob.status()).isEqualTo("5.2.2");

        // a relay's wrapper wrapped onto a line of its own stays with the reply it introduces
        FailedRecipient wangwu = decode("relay-wrapper-wrapped-no-dsn.eml").recipients().get(0);
        assertThat(wangwu.diagnosticCode()).startsWith("the mta server of mx3.qq.com(192.0.2.30) reply: 550 Mailbox not found");
    }

    @Test
    void aNoticeListingTheMessagesDetailsUnderTheAddressTakesTheReplyGivenBelowThem() {
        // a carrier's gateway (Verizon's vtext.com): "RCPT TO: <addr>" among the message's details,
        // then "Delivery failed with the following response:" and the server's reply on its own
        FailedRecipient f = decode("details-then-reply-no-dsn.eml").recipients().get(0);

        assertThat(f.recipient()).isEqualTo("2025550143@example.net");
        assertThat(f.diagnosticCode()).isEqualTo(
                "Delivery failed with the following response: 550 - Requested action not taken: no such user here");
        assertThat(f.replyCode()).isEqualTo(550);
    }

    @Test
    void aTranscriptsClosingCommandsDoNotTrailTheServersReply() {
        // the relay pastes the session: the refusal, then its own QUIT and the server's goodbye
        FailedRecipient ken = decode("transcript-quit-no-dsn.eml").recipients().get(0);

        assertThat(ken.recipient()).isEqualTo("ken@receiver.example");
        assertThat(ken.diagnosticCode()).isEqualTo("<<< 550 5.2.1 <ken@receiver.example>: mailbox disabled");
        assertThat(ken.status()).isEqualTo("5.2.1");
        assertThat(ken.command()).isEqualTo("RCPT");
    }

    @Test
    void plainTextBounceNamesTheRecipientAboveTheReturnedCopy() {
        DecodedReport r = decode("plain-generic.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.decodedBy()).isEqualTo("text");
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("dave@receiver.example");
            assertThat(f.diagnosticCode()).contains("550 5.1.1").doesNotContain("552 5.2.2");
            assertThat(f.replyCode()).isEqualTo(550);
            assertThat(f.status()).isEqualTo("5.1.1");
            assertThat(f.command()).isEqualTo("RCPT");
        });
        assertThat(r.addresser()).isEqualTo("carol@sender.example");
        assertThat(r.messageId()).isEqualTo("<lunch-7@sender.example>");
    }

    @Test
    void anAddressListedUnderALineDenyingTheCopyIsTheFailedRecipient() {
        DecodedReport r = decode("vendor/mdaemon-not-received.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("bea@receiver.example");
    }

    @Test
    void aMailSystemsNoticeSayingItWasNotAbleToDeliverIsABounce() {
        DecodedReport r = decode("not-delivered-plain-words.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("dirk@receiver.example");
            assertThat(f.diagnosticCode()).contains("exceeding their quota");
        });
    }

    @Test
    void aSenderWhoseWordsAreJoinedByUnderscoresIsStillAMailSystem() {
        DecodedReport r = decode("underscore-gateway.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("gus@receiver.example");
    }

    /**
     * A report that pastes the returned original into its text without a marker line: the
     * pasted trace field shows mail software wrote it, and nothing below the report's own words
     * (the original's Message-ID, the address in its body) is taken for a recipient.
     */
    @Test
    void aReportPastingTheOriginalWithoutAMarkerIsReadAboveThePastedHeaders() {
        DecodedReport r = decode("pasted-original-no-marker.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("dan@receiver.example");
            assertThat(f.diagnosticCode()).isEqualTo(
                    "<dan@receiver.example>: Requested action not taken: mailbox unavailable. [SMTP Error Code 550]");
        });
    }

    @Test
    void anX400GatewaysReportGivesTheOriginalRecipientAndTheAnswerItQuotes() {
        DecodedReport r = decode("x400-gateway-dsn.eml");

        assertThat(r.decodedBy()).isEqualTo("rfc3464");
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("ivy@receiver.example");
            assertThat(f.diagnosticCode()).startsWith("Reason 1 (Unable-To-Transfer)").contains("5.7.1 Unable to relay");
        });
    }

    @Test
    void aSentenceEndingInAColonTakesTheReasonFromTheNextParagraph() {
        DecodedReport r = decode("reason-after-colon.eml");

        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("kai@receiver.example");
            assertThat(f.diagnosticCode()).endsWith("552 Quota violation for kai@receiver.example");
            assertThat(f.replyCode()).isEqualTo(552);
        });
    }

    @Test
    void aNoticeSayingItWillKeepTryingIsADelayNotAFailure() {
        DecodedReport r = decode("delay-notice-plain.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("max@receiver.example");
            assertThat(f.action()).isEqualTo("delayed");
        });
        assertThat(decode("underscore-gateway.eml").recipients()).allSatisfy(f -> assertThat(f.action()).isEqualTo("delayed"));
        assertThat(decode("plain-generic.eml").recipients()).allSatisfy(f -> assertThat(f.action()).isEqualTo("failed"));
    }

    @Test
    void chineseProviderTextInGb18030GivesTheRecipientAndReply() {
        DecodedReport r = decode("cn-gb18030-base64.eml");

        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("lisi@receiver.example.cn");
            assertThat(f.diagnosticCode()).contains("the mta server of mx.receiver.example.cn(192.0.2.77) reply: 550 Mailbox not found");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "newsletter.eml",
            // "bounce" in the subject, an SMTP answer and an address in the text: but a person's reply
            "not-bounce/reply-about-a-bounce.eml",
            // titled or worded like a failure, but not from a mail system
            "not-bounce/expense-rejected.eml", "not-bounce/ci-notification.eml", "not-bounce/parcel-not-delivered.eml",
            // root's log report quoting the MTA's own rejections
            "not-bounce/logwatch-report.eml",
            // from the postmaster or MAILER-DAEMON and naming addresses, but a recall report, a quarantine digest
            "receipt/recall.eml", "not-bounce/quarantine-summary.eml",
            // from a mail system, naming the help desk, but stating no failure
            "not-bounce/quota-warning.eml", "not-bounce/maintenance-notice.eml",
            // a challenge-response filter's request to confirm the sender, marked auto-replied: the mail is held, not bounced
            "not-bounce/tmda-confirmation-request.eml",
            // a read receipt marked auto-replied (RFC 3834 asks it): a reading, not an absence
            "not-bounce/read-receipt-auto-replied.eml",
            // a help desk's auto-acknowledgement titled with the bounce it was told about, quoting
            // the customer's "> my mail to x bounced": a quoted line is someone's mail, not a notice
            "not-bounce/helpdesk-ack-quoting-bounce.eml",
            // a list's notice that a post waits for its moderator: it may still go out
            "not-bounce/mailman-held-for-moderator.eml",
            // cron's output of a bounce summary (Postfix log lines) and an issue tracker's ticket
            // about a bounce: other programs' notices, known by the header fields they write
            "not-bounce/cron-bounce-report.eml", "not-bounce/tracker-ticket-about-bounce.eml",
            // a disposition of "deleted" that a person chose (manual-action): deleted unread, not refused
            "not-bounce/mdn-deleted-unread-by-person.eml",
            // a Chinese mail system's digest of mail it quarantined for the addressee (隔离邮件通知)
            "not-bounce/quarantine-digest-zh.eml",
            // a chat tool's notice from a channel named "Bounces" quoting an NDR: its only "address" is a
            // thread id in a link (top-level name "tacv2"), no one's mailbox
            "not-bounce/chat-mention-quoting-ndr.eml"})
    void mailThatIsNoBounceGivesNoRecipient(String fixture) {
        DecodedReport r = decode(fixture);

        assertThat(r.kind()).isEqualTo(MessageKind.NOT_BOUNCE);
        assertThat(r.recipients()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Não foi possível entregar a sua mensagem para", "Ihre Nachricht konnte nicht zugestellt werden an",
            "Votre message n'a pas pu être remis à", "您的邮件无法投递到"})
    void aMailSystemsReportStatingTheFailureInItsLanguageWithoutCodesIsABounce(String sentence) {
        String message = "From: Postmaster <postmaster@mx.example>\nSubject: =?utf-8?Q?Report?=\nContent-Type: text/plain; charset=utf-8\n\n"
                + sentence + " joao@receiver.example.\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("joao@receiver.example");
    }

    @Test
    void aSessionTranscriptsMailFromNamesTheSenderNotAFailedRecipient() {
        DecodedReport r = decode("postfix-server-errors.eml");

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("nobody@sender.example");
    }

    @ParameterizedTest
    @CsvSource({"receipt/delivered-receipt.eml, bob@receiver.example, delivered",
            "receipt/relayed.eml, bob@relay.example, relayed"})
    void plainTextDeliveryAndRelayReceiptsFromThePostmasterAreReadAsDelivered(String fixture, String recipient, String action) {
        DecodedReport r = decode(fixture);

        assertThat(r.kind()).isEqualTo(MessageKind.DELIVERED);
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo(recipient);
            assertThat(f.action()).isEqualTo(action);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a failure title with a null envelope sender, whatever the sender's name
            "Return-Path: <>\nFrom: Acme Mail <mail@acme.example>\nSubject: Delivery failure\n",
            // the mail system's own title before the original's reply subject
            "From: Mail Administrator <admin@mx.example>\nSubject: Undeliverable: Re: my emails bounce\n",
            // a title in another language (Exchange's French), with a null envelope sender
            "Return-Path: <>\nFrom: =?utf-8?Q?Syst=C3=A8me?= <mail@receiver.example>\nSubject: Non remis : Rapport\n"})
    void aTextReportWithASignOnlyAMailSystemGivesIsABounce(String header) {
        String message = header + "\nYour message could not be delivered to dave@receiver.example.\n\n550 5.1.1 User unknown\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("dave@receiver.example");
    }

    @Test
    void recipientsRunTogetherWithoutBlankLinesAreSeparated() {
        String message = "From: MAILER-DAEMON@mx.example\nSubject: Undeliverable\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"x\"\n\n"
                + "--x\nContent-Type: message/delivery-status\n\n"
                + "Reporting-MTA: dns; mx.example\nArrival-Date: Fri, 21 Nov 2014 17:24:04 -0500\n"
                + "Final-Recipient: rfc822; full@receiver.example\nOriginal-Recipient: rfc822;full@receiver.example\n"
                + "Action: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 550 5.2.2 Mailbox Full\n"
                + "Final-Recipient: rfc822; gone@receiver.example\nOriginal-Recipient: rfc822;gone@receiver.example\n"
                + "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User Unknown\n\n"
                + "Action: failed\nFinal-Recipient: rfc822; third@receiver.example\n"
                + "Original-Recipient: rfc822; third@receiver.example\nStatus: 5.1.1\n\n--x--\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.recipients()).extracting(FailedRecipient::recipient)
                .containsExactly("full@receiver.example", "gone@receiver.example", "third@receiver.example");
        assertThat(r.recipients()).extracting(FailedRecipient::status).containsExactly("5.2.2", "5.1.1", "5.1.1");
        assertThat(r.recipients()).extracting(FailedRecipient::reportingMta).containsOnly("mx.example");
    }

    @Test
    void aMultipartWithoutItsBoundaryIsReadAsTextWithInlineFields() {
        String message = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example>\nSubject: Returned mail\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"gone\"\n\n"
                + "We could not deliver your message.\n\n"
                + "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: RFC822; lost@receiver.example\n"
                + "Action: failed\nStatus: 5.1.1\n\nReturn-Path: <a@sender.example>\nSubject: hi\n";
        ParsedMessage m = Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DecodedReport r = decoder.decode(m);

        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("lost@receiver.example");
        assertThat(r.recipients().get(0).status()).isEqualTo("5.1.1");
        assertThat(m.problems()).anyMatch(p -> p.contains("without its boundary"));
    }

    @Test
    void aFormStyleNoticeGivesTheReasonWrittenAboveTheAddress() {
        String message = "From: postmaster@receiver.example\nTo: alice@sender.example\n"
                + "Subject: Delivery problem\n\n"
                + "Your message was not stored for the person below.\n\n"
                + "Refusal reason: quota exceeded, mailbox full\n"
                + "Addressee: ben@receiver.example\n\n"
                + "Please try again in a few days.\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("ben@receiver.example");
            assertThat(f.diagnosticCode()).startsWith("Refusal reason: quota exceeded, mailbox full")
                    .contains("Addressee: ben@receiver.example");
        });
    }

    @Test
    void aReasonLineIsNotTakenFromAnotherParagraph() {
        String message = "From: postmaster@receiver.example\nTo: alice@sender.example\n"
                + "Subject: Delivery problem\n\n"
                + "Reason: see below\n\n"
                + "ben@receiver.example\n"
                + "550 5.1.1 no such user\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.recipients()).singleElement().satisfies(f ->
                // the server's reply, from its line on; no reason line from the paragraph above
                assertThat(f.diagnosticCode()).isEqualTo("550 5.1.1 no such user"));
    }

    @Test
    void aTranscriptsSuccessfulAnswersDoNotHideTheFailure() {
        String message = "From: MAILER-DAEMON@mx.example\nTo: postmaster@mx.example\nSubject: Mail delivery failed\n\n"
                + "Transcript of session follows.\n\n"
                + " In:  RCPT TO:<kept@receiver.example>\n Out: 250 2.1.5 Ok\n In:  DATA\n"
                + " Out: 354 End data with <CR><LF>.<CR><LF>\n Out: 451 4.3.0 Error: queue file write error\n";
        DecodedReport r = decoder.decode(Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("kept@receiver.example");
            assertThat(f.status()).isEqualTo("4.3.0");
            assertThat(f.replyCode()).isEqualTo(451);
            assertThat(f.diagnosticCode()).contains("451 4.3.0 Error: queue file write error").doesNotContain("250 2.1.5");
        });
    }

    @Test
    void aBounceWrappedByAGatewayIsReadFromTheAttachedReport() {
        String inner = new String(Fixtures.bytes("dsn-postfix.eml"), java.nio.charset.StandardCharsets.UTF_8);
        String wrapper = "From: Gateway <notify@gw.example>\nTo: alice@sender.example\nSubject: Notification\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"w\"\n\n"
                + "--w\nContent-Type: text/plain\n\nThe following addresses had permanent delivery errors\n\n"
                + "--w\nContent-Type: message/rfc822\n\n" + inner + "\n--w--\n";
        DecodedReport r = decoder.decode(Fixtures.parse(wrapper.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.decodedBy()).startsWith("attached+rfc3464");
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("nobody@receiver.example");
        assertThat(r.messageId()).isEqualTo("<original-1@sender.example>");
    }

    @Test
    void anOrdinaryAttachedMessageIsNeverScannedAsAReport() {
        String wrapper = "From: MAILER-DAEMON@mx.example\nTo: alice@sender.example\nSubject: Returned mail\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"w\"\n\n"
                + "--w\nContent-Type: text/plain\n\nSee attached.\n\n"
                + "--w\nContent-Type: message/rfc822\n\nFrom: Mailer-Daemon <mailer-daemon@other.example>\n"
                + "To: carol@receiver.example\nSubject: hello\n\ncarol@receiver.example 550 5.1.1 user unknown\n--w--\n";
        ParsedMessage m = Fixtures.parse(wrapper.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DecodedReport r = decoder.decode(m);

        assertThat(m.attachedReport()).isNotNull();
        assertThat(r.decodedBy()).doesNotStartWith("attached");
        assertThat(r.recipients()).allSatisfy(f -> assertThat(f.diagnosticCode()).doesNotContain("550 5.1.1"));
    }

    @Test
    void aSieveFiltersRejectionIsABounceForTheFinalRecipientWithTheRecipientsWords() {
        DecodedReport dovecot = decode("sieve-reject-dovecot.eml");
        assertThat(dovecot.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(dovecot.decodedBy()).isEqualTo(SieveRejects.FORMAT);
        assertThat(dovecot.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("anna@receiver.example");
            assertThat(r.action()).isEqualTo("failed");
            assertThat(r.diagnosticCode()).contains("Take me off your list");
            assertThat(r.reportingMta()).isEqualTo("mx.receiver.example");
        });

        // Cyrus: the address the filter belongs to (Final-Recipient), not the alias it came through
        DecodedReport cyrus = decode("sieve-reject-cyrus-crlf.eml");
        assertThat(cyrus.decodedBy()).isEqualTo(SieveRejects.FORMAT);
        assertThat(cyrus.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("bsmith@receiver.example");
            assertThat(r.diagnosticCode()).contains("No job offers at this address.");
        });
    }
}
