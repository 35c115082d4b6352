package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.Fixtures;
import io.bouncelens.decode.Limits;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.ReportDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each vendor format, through the whole decoder, on a hand-written report in that format: the right
 * format reads it, finds the failed address and the remote server's words, codes, step and host.
 */
class VendorFormatsTest {

    private final ReportDecoder decoder = ReportDecoder.standard(Limits.DEFAULT);

    private DecodedReport decode(String fixture) {
        return decoder.decode(Fixtures.parse("vendor/" + fixture));
    }

    private static FailedRecipient recipient(DecodedReport r, String address) {
        return r.recipients().stream().filter(f -> f.recipient().equalsIgnoreCase(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not among " + r.recipients()));
    }

    @ParameterizedTest(name = "{0} is read by {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            exim.eml          | exim         | bob@receiver.example     | 5.1.1 | 550 | RCPT | mx1.receiver.example | User unknown in virtual mailbox table
            exim-delay.eml    | exim         | erin@slow.example        | 4.7.1 | 451 | MAIL | mail.slow.example    | Greylisted
            qmail.eml         | qmail        | grace@receiver.example   | 5.2.2 | 552 | RCPT | 198.51.100.20        | Mailbox full
            yahoo.eml         | yahoo        | ken@receiver.example     | 5.1.1 | 550 | RCPT | -                    | User Unknown
            dragonfly.eml     | dragonfly    | leo@receiver.example     | 5.1.1 | 550 | RCPT | mx.receiver.example  | User unknown
            sendmail-v5.eml   | sendmail     | nina@receiver.example    | -     | 550 | RCPT | mail.receiver.example | User unknown
            gmail.eml         | gmail        | quinn@receiver.example   | 4.2.2 | 452 | -    | -                    | Mailbox full
            gmail-no-connection.eml | gmail  | vic@gone.example         | -     | -   | -    | mx.gone.example      | did not accept our requests to connect
            zoho.eml          | zoho         | tina@receiver.example    | 5.1.1 | 550 | -    | -                    | User Unknown
            domino.eml        | domino       | quentin@receiver.example | -     | -   | -    | -                    | not listed in Domino Directory
            exim-local-part.eml | exim       | rita@receiver.example    | 5.7.1 | 550 | MAIL | mx.receiver.example  | Please use the smtp server of your ISP
            exim-malformed.eml | exim        | uma@receiver.example     | -     | -   | -    | -                    | malformed address
            amazonworkmail.eml| rfc3464+amazonworkmail | victor@receiver.example | 5.2.2 | 552 | -  | -                    | Mailbox full
            mfilter.eml       | mfilter      | xavier@receiver.example  | 5.1.1 | 550 | RCPT | -                    | User unknown in local recipient table
            exchange2003.eml  | exchange2003 | zack@receiver.example    | -     | -   | -    | -                    | The recipient name is not recognized
            x3.eml            | x3           | ben@receiver.example     | -     | -   | -    | -                    | Could not find a gateway
            x6.eml            | x6           | dan@receiver.example     | 5.1.1 | 550 | RCPT | mx.receiver.example  | User unknown
            interscan.eml     | interscanmss | fred@receiver.example    | 5.1.1 | 550 | RCPT | -                    | user unknown
            mimecast.eml      | mimecast     | hank@receiver.example    | 5.1.10 | -  | -    | -                    | RecipientNotFound
            mailmarshal.eml   | mailmarshal  | jack@receiver.example    | 5.1.1 | 550 | -    | 198.51.100.77        | User unknown
            mailfoundry.eml   | mailfoundry  | liam@receiver.example    | 5.2.2 | 552 | -    | mx.receiver.example  | over quota
            imailserver.eml   | imailserver  | noah@receiver.example    | -     | -   | -    | -                    | Unknown user
            mdaemon-transcript.eml | mdaemon | carla@receiver.example  | 5.3.4 | 552 | MAIL | -                    | Message size exceeds fixed maximum message size
            mdaemon-not-received.eml | mdaemon | bea@receiver.example | 5.1.1 | 550 | RCPT | -                    | User unknown
            ../transcript-lists-message-id-no-dsn.eml | mdaemon | buyer@no-mail-here.example | - | - | - | -        | Name server reports domain name unknown
            notes.eml         | notes        | paul@receiver.example    | -     | -   | -    | -                    | not listed in public Name & Address Book
            x1.eml            | x1           | steve@receiver.example   | -     | -   | -    | -                    | User unknown
            x2.eml            | x2           | ursula@receiver.example  | 4.1.9 | -   | -    | -                    | Resources temporarily unavailable
            kddi.eml          | kddi         | walt@receiver.dion.ne.jp | -     | -   | -    | -                    | mailbox is full
            apachejames.eml   | apachejames  | yves@gw.receiver.example | -     | 550 | -    | -                    | no such user here
            ezweb.eml         | ezweb        | adam@ezweb.ne.jp         | -     | 550 | RCPT | -                    | The user(s) account is disabled
            ezweb-quota.eml   | ezweb        | hayashi-kenta.0412@ezweb.ne.jp | - | - | -    | -                    | The user(s) account is temporarily over quota
            messagingserver.eml | messagingserver | ned@receiver.example | 5.2.2 | 522 | -   | store1.receiver.example | Over quota
            courier.eml       | courier      | pia@receiver.example     | 5.7.1 | 550 | DATA | mx.receiver.example  | rejected by content filter
            exchange2007.eml  | exchange2007 | rae@receiver.example     | 5.1.10 | 550 | -   | -                    | RESOLVER.ADR.RecipientNotFound
            office365-remote-server.eml | exchange2007 | uli@receiver.invalid | 5.4.310 | 550 | -   | -                    | DNS domain receiver.invalid does not exist
            opensmtpd.eml     | opensmtpd    | gus@receiver.example     | 5.1.1 | 550 | -    | -                    | User unknown
            gmail-headline.eml| gmail        | lou@receiver.example     | 5.1.1 | 550 | -    | -                    | User unknown in virtual mailbox table
            amazonses-bounce.eml | amazonses | ida@receiver.example     | 5.1.1 | 550 | -    | -                    | 550 5.1.1 <ida@receiver.example>: user unknown
            postfix-german.eml | postfix     | olga@receiver.example    | 5.1.1 | 550 | RCPT | mx.receiver.example  | User unknown in local recipient table
            exim-german.eml   | exim         | cleo@receiver.example    | 5.2.2 | 552 | RCPT | mx.receiver.example  | Mailbox full
            qmail-russian.eml | qmail        | dina@receiver.example    | 5.1.1 | 550 | RCPT | 198.51.100.8         | No such user
            postfix-delay.eml | postfix      | mia@slow.example         | -     | -   | CONN | mx.slow.example      | Connection timed out
            gmail-headline-delay.eml | gmail | rob@slow.example         | 4.7.1 | 451 | -    | -                    | Greylisting in action
            mailman3-reject.eml | mailman    | builds@lists.sender.example | -  | -   | -    | -                    | The message is not from a list member
            mailman2-moderator-reject.eml | mailman | hiking@lists.sender.example | - | - | - | -                 | has been rejected by the list moderator
            """)
    void readsTheFailedRecipientWithTheServersWords(String fixture, String format, String address, String status,
                                                    Integer reply, String command, String host, String words) {
        DecodedReport r = decode(fixture);

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.decodedBy()).isEqualTo(format);
        FailedRecipient f = recipient(r, address);
        assertThat(f.status()).isEqualTo(status);
        assertThat(f.replyCode()).isEqualTo(reply);
        assertThat(f.command()).isEqualTo(command);
        assertThat(f.remoteHost()).isEqualTo(host);
        assertThat(f.diagnosticCode()).contains(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exim.eml         | carol@other.example     | EXPIRED
            qmail.eml        | ivan@quiet.example      | -
            x2.eml           | ursula@receiver.example | EXPIRED
            x3.eml           | ben@receiver.example    | EXPIRED
            googlegroups.eml | team-announce@googlegroups.com | REJECTED
            googlegroups-workspace.eml | board@corp.example | REJECTED
            mailman3-reject.eml | builds@lists.sender.example | POLICYVIOLATION
            fml.eml          | team@lists.example      | REJECTED
            ezweb.eml        | adam@ezweb.ne.jp        | SUSPEND
            ezweb-filter.eml | cal@ezweb.ne.jp         | FILTERED
            opensmtpd.eml    | hal@slow.example        | EXPIRED
            exchange2007.eml | sam@late.example        | EXPIRED
            sendmail-warning.eml | vic@busy.example    | EXPIRED
            sendgrid.eml     | yan@gone.example        | EXPIRED
            sendmail-program.eml | zed@mx.sender.example | MAILERERROR
            postfix-pipe.eml | xena@receiver.example   | MAILERERROR
            sendgrid.eml     | xia@receiver.example    | -
            exchange2007.eml | rae@receiver.example    | -
            opensmtpd.eml    | gus@receiver.example    | -
            exchange2003.eml | zack@receiver.example   | USERUNKNOWN
            imailserver.eml  | noah@receiver.example   | USERUNKNOWN
            notes.eml        | paul@receiver.example   | USERUNKNOWN
            interscan-unable.eml | ola@receiver.example | USERUNKNOWN
            interscan.eml    | fred@receiver.example   | -
            domino.eml       | quentin@receiver.example | USERUNKNOWN
            domino-ambiguous.eml | info@receiver.example | -
            imailserver-attempts.eml | xavi@slow.example | EXPIRED
            sendmail-v5-host.eml | zoe@far.example     | EXPIRED
            x1.eml           | steve@receiver.example  | -
            apachejames.eml  | yves@gw.receiver.example | -
            """)
    void hintsAReasonOnlyWhereTheFormatItselfStatesIt(String fixture, String address, String hint) {
        FailedRecipient f = recipient(decode(fixture), address);

        assertThat(f.reasonHint()).isEqualTo("-".equals(hint) ? null : Reason.valueOf(hint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exim.eml", "qmail.eml", "sendmail-v5.eml"})
    void readsEveryRecipientOfAReportAndNoneOfTheReturnedOriginal(String fixture) {
        List<String> found = decode(fixture).recipients().stream().map(FailedRecipient::recipient).toList();

        assertThat(found).doesNotContain("alice@sender.example", "frank@sender.example", "mallory@old.sender.example");
        assertThat(found).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
    }

    @Test
    void takesTheSmtpStepAndExpiryFromPostfixsTextBesideItsDeliveryStatus() {
        DecodedReport r = decode("postfix.eml");

        assertThat(r.decodedBy()).isEqualTo("rfc3464+postfix");
        FailedRecipient spam = recipient(r, "bert@receiver.example");
        assertThat(spam.command()).isEqualTo("DATA");
        assertThat(spam.status()).isEqualTo("5.7.1");
        assertThat(spam.reasonHint()).isNull();
        // Postfix returns a 4.x.x failure only once the queue lifetime ran out.
        FailedRecipient late = recipient(r, "cora@far.example");
        assertThat(late.reasonHint()).isEqualTo(Reason.EXPIRED);
        assertThat(late.remoteHost()).isEqualTo("mx.far.example");
        // ...but a connection lost mid-session (X.4.2) says more than that the time ran out
        FailedRecipient cut = recipient(r, "dan@flaky.example");
        assertThat(cut.status()).isEqualTo("4.4.2");
        assertThat(cut.reasonHint()).isNull();
        assertThat(cut.remoteHost()).as("named in the sentence").isEqualTo("mx.flaky.example");
        // a server whose greeting refused the connection: no command was sent
        FailedRecipient refused = recipient(r, "eve@closed.example");
        assertThat(refused.command()).isEqualTo("CONN");
        assertThat(refused.remoteHost()).isEqualTo("mx.closed.example");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Learn more at https://support.google.com/mail/answer/7720 [mx.b.example 192.0.2.5: timed out]  | mx.b.example
            [(0) mx.b.example. [192.0.2.5]:25: socket error] [(10) mx2.b.example. [192.0.2.6]:25: timed out] | mx.b.example
            Learn more at https://support.google.com/mail/answer/7720                                       | -
            [(0) unclosed                                                                                    | -
            """)
    void readsTheFirstServerGmailTriedToReach(String account, String host) {
        assertThat(Gmail.triedHost(account)).isEqualTo(host);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            host mx.b.example[192.0.2.5] said: 550 No (in reply to RCPT TO command) | mx.b.example | RCPT | 550 No
            host mx.b.example[192.0.2.5] refused to talk to me: 554 No service     | mx.b.example | CONN | 554 No service
            connect to mx.b.example[192.0.2.5]:25: Connection refused              | mx.b.example | CONN | (same)
            lost connection with mx.b.example[192.0.2.5] while sending RCPT TO    | mx.b.example | -    | (same)
            conversation with mx.b.example[192.0.2.5] timed out while sending data | mx.b.example | -    | (same)
            lost connection with the server                                       | -            | -    | (same)
            """)
    void readsTheHostAndStepOfEachOfPostfixsSentences(String said, String host, String command, String diagnostic) {
        Finding f = Postfix.finding("a@b.example", said);

        assertThat(f.remoteHost()).isEqualTo(host);
        assertThat(f.command()).isEqualTo(command);
        assertThat(f.diagnostic()).isEqualTo(diagnostic.equals("(same)") ? said : diagnostic);
    }

    @Test
    void aFormatIsKnownByTheReportsOwnTextNotByAReturnedMessageThatIsABounce() {
        // qmail pastes the original below its divider, and the original is Postfix's bounce:
        // Postfix's words there neither make this report Postfix's nor add its recipient
        DecodedReport r = decode("qmail-returning-a-bounce.eml");

        assertThat(r.decodedBy()).isEqualTo("qmail");
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("moderator@helpdesk.receiver.example");
        assertThat(r.recipients().get(0).replyCode()).isEqualTo(552);
    }

    @Test
    void takesAReplyBeforeSendmailSentAnyCommandForTheServersGreeting() {
        FailedRecipient f = recipient(decode("sendmail-greeting.eml"), "jon@receiver.example");

        assertThat(f.command()).isEqualTo("CONN");
        assertThat(f.remoteHost()).isEqualTo("mx1.receiver.example");
    }

    @Test
    void takesTheSmtpStepFromAPostfixParagraphARelayReWrappedWithoutIndent() {
        DecodedReport r = decode("postfix-rewrapped.eml");

        assertThat(recipient(r, "rex@receiver.example").command()).isEqualTo("RCPT");
        assertThat(recipient(r, "sue@receiver.example").command()).isEqualTo("DATA");
        assertThat(recipient(r, "sue@receiver.example").remoteHost()).isEqualTo("mx.receiver.example");
    }

    @Test
    void givesSendmailsVerdictOnAProgramToTheRecipientWhosePipeItWas() {
        DecodedReport r = decode("sendmail-pipe-inline.eml");

        FailedRecipient f = recipient(r, "vera@mail.receiver.example");
        assertThat(f.diagnosticCode()).isEqualTo("554 Service unavailable");
        assertThat(f.replyCode()).isEqualTo(554);
        assertThat(f.status()).isEqualTo("5.5.0");
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).doesNotContain("uma@sender.example");
    }

    @Test
    void readsWhatTheLocalMailerSaidWhereSendmailSaysOnlyServiceUnavailable() {
        DecodedReport r = decode("sendmail-local-mailer.eml");

        FailedRecipient wendy = recipient(r, "wendy@receiver.example");
        assertThat(wendy.diagnosticCode()).isEqualTo("mail.local: unknown user: wendy");
        assertThat(wendy.replyCode()).isEqualTo(554);
        assertThat(wendy.reasonHint()).as("mail.local's own sentence for a missing user").isEqualTo(Reason.USERUNKNOWN);
        FailedRecipient zoe = recipient(r, "zoe@receiver.example");
        assertThat(zoe.diagnosticCode()).isEqualTo("procmail: Couldn't create \"/var/mail/zoe\"");
        assertThat(zoe.reasonHint()).isNull();
    }

    @Test
    void takesTheAddresseesAtTheHostOldSendmailCouldNotReach() {
        DecodedReport r = decode("sendmail-v5-host.eml");

        assertThat(r.decodedBy()).isEqualTo("sendmail");
        assertThat(r.recipients()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("zoe@far.example");
            assertThat(f.replyCode()).isEqualTo(421);
            assertThat(f.remoteHost()).isEqualTo("far.example");
            assertThat(f.diagnosticCode()).contains("Connection timed out");
        });
    }

    @Test
    void takesSendGridsStepAndRemoteHostFromItsOneLineAccount() {
        FailedRecipient f = recipient(decode("sendgrid.eml"), "xia@receiver.example");

        assertThat(f.command()).isEqualTo("RCPT");
        assertThat(f.remoteHost()).isEqualTo("mx.receiver.example");
    }

    @Test
    void readsAPipelinedRecipientRefusalAsAnAnswerToRcptNotData() {
        FailedRecipient f = recipient(decode("sendmail-pipelining.eml"), "eli@receiver.example");

        assertThat(f.command()).isEqualTo("RCPT");
        assertThat(f.remoteHost()).isEqualTo("mx.receiver.example");
    }

    @Test
    void readsAnSesComplaintNotificationAsFeedback() {
        DecodedReport r = decode("amazonses-complaint.eml");

        assertThat(r.decodedBy()).isEqualTo("amazonses");
        FailedRecipient f = recipient(r, "jon@receiver.example");
        assertThat(f.action()).isEqualTo("feedback");
        assertThat(f.feedbackType()).isEqualTo("abuse");
        assertThat(f.reasonHint()).isEqualTo(Reason.FEEDBACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\r"})
    void readsTheSameReportWhateverItsLineEndings(String ending) {
        DecodedReport r = decoder.decode(Fixtures.parse(Fixtures.withLineEndings("vendor/qmail.eml", ending)));

        assertThat(r.decodedBy()).isEqualTo("qmail");
        assertThat(recipient(r, "grace@receiver.example").replyCode()).isEqualTo(552);
        assertThat(recipient(r, "heidi@gone.example").status()).isEqualTo("5.1.2");
    }

    @Test
    void everyRegisteredFormatReadsAtLeastOneOfTheFixtures() throws Exception {
        java.util.Set<String> readers = new java.util.HashSet<>();
        java.nio.file.Path dir = java.nio.file.Path.of(VendorFormatsTest.class.getResource("/mail/vendor").toURI());
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : files.toList()) {
                String by = decode(p.getFileName().toString()).decodedBy();
                // "rfc3464+postfix": the structured reader, then the vendor format that enriched it.
                int plus = by == null ? -1 : by.indexOf('+');
                if (by != null) readers.add(plus < 0 ? by : by.substring(plus + 1));
            }
        }
        assertThat(readers).containsAll(VendorFormats.all().stream().map(VendorFormat::name).toList());
    }

    @Test
    void keepsItsPlaceInTextWhoseCaseFormsDifferInLength() {
        // 'İ' lower-cases to two chars; an index found in a lower-cased copy would cut the wrong place.
        String block = "İİİİ Connected to 192.0.2.9 but sender was rejected. Remote host said: 553 sender İNVALİD";
        Finding f = QmailText.finding("a@b.example", block, false);

        assertThat(f.diagnostic()).isEqualTo("553 sender İNVALİD");
        assertThat(f.command()).isEqualTo("MAIL");
    }

    @Test
    void readsAolMembersByScreenNameAsAddressesAtAol() {
        DecodedReport r = decode("aol.eml");

        assertThat(r.decodedBy()).isEqualTo("aol");
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("readerone@aol.com", "reader.two@aol.com");
        assertThat(r.recipients().get(0).diagnosticCode())
                .isEqualTo("Your mail could not be delivered because they are not accepting mail with attachments or embedded images");
    }

    @Test
    void endsAnEximBlockAtTheBlankLineSoAFooterAppendedToTheReportIsNotTheServersAnswer() {
        DecodedReport r = decode("exim-footer.eml");
        assertThat(recipient(r, "ivo@receiver.example").diagnosticCode()).isEqualTo("mailbox is full: retry timeout exceeded");
        FailedRecipient jana = recipient(r, "jana@receiver.example");
        assertThat(jana.diagnosticCode()).endsWith("Recipient address rejected: User unknown").doesNotContain("antivirus");
        assertThat(jana.replyCode()).isEqualTo(550);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exim-delay.eml", "gmail.eml", "postfix-delay.eml", "gmail-headline-delay.eml"})
    void marksDelayNoticesAsDelayed(String fixture) {
        assertThat(decode(fixture).recipients()).allSatisfy(f -> assertThat(f.action()).isEqualTo("delayed"));
    }
}
