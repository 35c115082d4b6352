package io.bouncelens.decode.log;

import io.bouncelens.decode.FailedRecipient;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines written here in the formats of Postfix, Sendmail, Exim and OpenSMTPD, with made-up hosts and ids. */
class MtaLogLineTest {

    private static FailedRecipient only(LogDelivery d) {
        assertThat(d).isNotNull();
        assertThat(d.recipients()).hasSize(1);
        return d.recipients().get(0);
    }

    @Test
    void postfixBouncedLineGivesRecipientStatusReplyCommandHostAndTime() {
        LogDelivery d = MtaLogLine.read("Dec  6 10:00:02 mx1 postfix/smtp[1234]: 4ABC123: to=<gone@example.com>, "
                + "orig_to=<alias@example.org>, relay=mx.example.com[192.0.2.1]:25, delay=1.2, delays=0.1/0/0.5/0.6, "
                + "dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 <gone@example.com>: "
                + "Recipient address rejected: User unknown (in reply to RCPT TO command))");

        FailedRecipient r = only(d);
        assertThat(d.format()).isEqualTo("postfix-log");
        assertThat(d.timestamp()).isEqualTo("Dec  6 10:00:02");
        assertThat(r.recipient()).isEqualTo("gone@example.com");
        assertThat(r.action()).isEqualTo("failed");
        assertThat(r.status()).isEqualTo("5.1.1");
        assertThat(r.replyCode()).isEqualTo(550);
        assertThat(r.command()).isEqualTo("RCPT");
        assertThat(r.remoteHost()).isEqualTo("mx.example.com");
        assertThat(r.diagnosticCode()).startsWith("host mx.example.com[192.0.2.1] said: 550 5.1.1")
                .endsWith("(in reply to RCPT TO command)");
    }

    @Test
    void postfixDeferredSentAndLocalLines() {
        FailedRecipient deferred = only(MtaLogLine.read("2026-12-06T10:00:03.123456+00:00 mx1 postfix-out/smtp[9]: "
                + "5DEF: to=<x@example.net>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred "
                + "(connect to mx.example.net[192.0.2.7]:25: Connection timed out)"));
        assertThat(deferred.action()).isEqualTo("delayed");
        assertThat(deferred.status()).isEqualTo("4.4.1");
        assertThat(only(MtaLogLine.read("Dec  6 10:00:03 mx1 postfix/smtp[9]: 5DEF: to=<x@example.net>, relay=mx.example.net"
                + "[192.0.2.7]:25, dsn=5.1.1, status=SOFTBOUNCE (host mx.example.net[192.0.2.7] said: 550 5.1.1 unknown)"))
                .action()).isEqualTo("delayed");
        assertThat(deferred.remoteHost()).isEqualTo("mx.example.net"); // from the text: relay=none names none

        LogDelivery sent = MtaLogLine.read("Dec  6 10:00:04 mx1 postfix/smtp[9]: 6A: to=<ok@example.net>, "
                + "relay=mx.example.net[192.0.2.7]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)");
        assertThat(only(sent).action()).isEqualTo("delivered");

        FailedRecipient local = only(MtaLogLine.read("Dec  6 10:00:05 mx1 postfix/local[77]: 7B: to=<nobody@mx1.example.org>, "
                + "relay=local, delay=0.1, delays=0/0/0/0.1, dsn=5.1.1, status=bounced (unknown user: \"nobody\")"));
        assertThat(local.remoteHost()).isNull();
        assertThat(local.diagnosticCode()).isEqualTo("unknown user: \"nobody\"");
        assertThat(MtaLogLine.read("2026-12-06T10:00:05Z mx1 postfix/smtp[9]: 6A: to=<ok@example.net>, status=sent (ok)").timestamp())
                .isEqualTo("2026-12-06T10:00:05Z");
    }

    @Test
    void sendmailLineMayNameSeveralRecipients() {
        LogDelivery d = MtaLogLine.read("Dec  6 10:00:04 mx2 sendmail[2222]: 7GHI789: to=<a@example.net>,b@example.net, "
                + "ctladdr=<alice@example.org> (1000/1000), delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, "
                + "relay=mx.example.net. [192.0.2.5], dsn=5.2.2, stat=Mailbox full");

        assertThat(d.format()).isEqualTo("sendmail-log");
        assertThat(d.recipients()).extracting(FailedRecipient::recipient).containsExactly("a@example.net", "b@example.net");
        assertThat(d.recipients()).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("failed");
            assertThat(r.status()).isEqualTo("5.2.2");
            assertThat(r.remoteHost()).isEqualTo("mx.example.net");
            assertThat(r.diagnosticCode()).isEqualTo("Mailbox full");
        });
        FailedRecipient deferred = only(MtaLogLine.read("Dec  6 10:01:00 mx2 sendmail[2223]: 8J: to=<c@example.net>, "
                + "delay=00:10:00, mailer=esmtp, pri=30000, relay=mx.example.net., stat=Deferred: Connection refused by mx.example.net."));
        assertThat(deferred.action()).isEqualTo("delayed");
    }

    @Test
    void eximFailedDeferredAndDeliveredLines() {
        LogDelivery failed = MtaLogLine.read("2026-12-06 10:00:05.117 +0100 [4711] 1vQmZc-0003Ab-7x ** full@example.jp "
                + "<list@example.org> R=dnslookup T=remote_smtp H=mx.example.jp [192.0.2.8] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 "
                + "CV=yes: SMTP error from remote mail server after RCPT TO:<full@example.jp>: 552 5.2.2 Mailbox full");
        FailedRecipient r = only(failed);
        assertThat(failed.format()).isEqualTo("exim-log");
        assertThat(failed.timestamp()).isEqualTo("2026-12-06 10:00:05");
        assertThat(r.recipient()).isEqualTo("full@example.jp");
        assertThat(r.action()).isEqualTo("failed");
        assertThat(r.status()).isEqualTo("5.2.2");
        assertThat(r.replyCode()).isEqualTo(552);
        assertThat(r.remoteHost()).isEqualTo("mx.example.jp");
        assertThat(r.diagnosticCode()).startsWith("SMTP error from remote mail server after RCPT TO:");

        FailedRecipient unroutable = only(MtaLogLine.read("2026-12-06 10:00:06 1vQmZd-0003Ac-8y ** nobody@nowhere.example: "
                + "Unrouteable address"));
        assertThat(unroutable.recipient()).isEqualTo("nobody@nowhere.example");
        assertThat(unroutable.diagnosticCode()).isEqualTo("Unrouteable address");

        assertThat(only(MtaLogLine.read("2026-12-06 10:00:07 1vQmZe-0003Ad-9z == late@example.de R=dnslookup "
                + "T=remote_smtp defer (-53): retry time not reached for any host")).action()).isEqualTo("delayed");
        assertThat(only(MtaLogLine.read("2026-12-06 10:00:08 1vQmZf-0003Ae-0a => ok@example.de R=dnslookup T=remote_smtp "
                + "H=mx.example.de [192.0.2.9] C=\"250 OK id=1\"")).action()).isEqualTo("delivered");
    }

    @Test
    void openSmtpdDeliveryLinesNameTheirSenderAndTheRelaysHost() {
        String head = "Dec  6 10:00:09 mx3 smtpd[75295]: 5df87c9b982c840c mta delivery evpid=3d4c4a424797fe79 "
                + "from=<news@example.org> ";
        LogDelivery failed = MtaLogLine.read(head + "to=<gone@example.com> rcpt=<-> source=\"192.0.2.50\" "
                + "relay=\"192.0.2.1 (mx.example.com)\" delay=2s result=\"PermFail\" "
                + "stat=\"550 5.1.1 <gone@example.com>: Recipient address rejected: User \"gone\" unknown\"");
        FailedRecipient r = only(failed);
        assertThat(failed.format()).isEqualTo("opensmtpd-log");
        assertThat(failed.timestamp()).isEqualTo("Dec  6 10:00:09");
        assertThat(failed.queueId()).isEqualTo("3d4c4a424797fe79");
        assertThat(failed.addresser()).isEqualTo("news@example.org");
        assertThat(r.recipient()).isEqualTo("gone@example.com");
        assertThat(r.action()).isEqualTo("failed");
        assertThat(r.status()).isEqualTo("5.1.1");
        assertThat(r.replyCode()).isEqualTo(550);
        assertThat(r.remoteHost()).isEqualTo("mx.example.com");
        assertThat(r.diagnosticCode()).isEqualTo("550 5.1.1 <gone@example.com>: Recipient address rejected: User \"gone\" unknown");

        FailedRecipient later = only(MtaLogLine.read(head + "to=<busy@example.it> rcpt=<-> source=\"192.0.2.50\" "
                + "relay=\"192.0.2.7 (smtp.example.it)\" delay=0s result=\"TempFail\" "
                + "stat=\"421 <busy@example.it> Service not available - too busy\""));
        assertThat(later.action()).isEqualTo("delayed");
        assertThat(later.replyCode()).isEqualTo(421);
        assertThat(only(MtaLogLine.read(head + "to=<ok@example.net> rcpt=<-> source=\"192.0.2.50\" "
                + "relay=\"192.0.2.9 (mx.example.net)\" delay=1s result=\"Ok\" stat=\"250 2.0.0 Ok: queued as 7F1\""))
                .action()).isEqualTo("delivered");
        // a local mailbox's delivery: no relay
        assertThat(only(MtaLogLine.read("Dec  6 10:00:10 mx3 smtpd[75295]: 5df87c9b982c840d mda delivery "
                + "evpid=3d4c4a424797fe7a from=<news@example.org> to=<full@mx3.example.org> rcpt=<-> user=full "
                + "delay=0s result=\"TempFail\" stat=\"Error (mailbox quota exceeded)\"")).remoteHost()).isNull();
    }

    @Test
    void linesAboutAnythingElseGiveNothing() {
        for (String line : new String[] {
                "Dec  6 10:00:00 mx postfix/smtpd[1200]: connect from client.example.org[198.51.100.7]",
                "Dec  6 10:00:01 mx postfix/qmgr[1100]: 4ABC123: from=<alice@example.org>, size=2048, nrcpt=2 (queue active)",
                "Dec  6 10:00:01 mx postfix/qmgr[1100]: 4ABC123: from=<alice@example.org>, status=expired, returned to sender",
                "2026-12-06 10:00:05 1vQmZc-0003Ab-7x <= alice@example.org H=client [198.51.100.7] P=esmtps S=2048",
                "2026-12-06 10:00:05 1vQmZc-0003Ab-7x Completed",
                "2026-12-06 10:00:05 Start queue run: pid=4711",
                "Dec  6 10:00:04 mx2 sendmail[2222]: 7GHI789: from=<alice@example.org>, size=10, nrcpts=1",
                "Dec  6 10:00:04 mx2 sendmail[2222]: 7GHI789: to=<a@example.net>, delay=00:00:00, mailer=esmtp, stat=queued",
                "Dec  6 10:00:09 mx3 smtpd[75295]: 5df87c9b982c840c smtp connected address=192.0.2.50 host=client",
                "Dec  6 10:00:09 mx3 smtpd[75295]: 5df87c9b982c840c smtp envelope evpid=3d4c4a424797fe79 "
                        + "from=<news@example.org> to=<gone@example.com>",
                "Dec  6 10:00:09 mx3 smtpd[75295]: 5df87c9b982c840c mta delivery evpid=3d4c4a424797fe79 to=<x@example.com>",
                "550 5.1.1 User unknown", "", "to=", "postfix: to=, status=bounced ("}) {
            assertThat(MtaLogLine.read(line)).as(line).isNull();
        }
    }

    @Test
    void randomLinesNeverThrow() {
        Random random = new Random(25);
        String[] pieces = {"postfix/smtp[1]: ", "sendmail[2]: ", ": to=", "<", ">", ", ", "status=", "stat=", "dsn=",
                "5.1.1", "bounced", "deferred", " (", ")", "relay=", "[", "]", "2026-12-06 10:00:00 ", "1vQmZc-0003Ab-7x ",
                "** ", "== ", "a@b.example", " H=", ": ", " ", ".", "x"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) line.append(pieces[random.nextInt(pieces.length)]);
            MtaLogLine.read(line.toString());
        }
    }
}
