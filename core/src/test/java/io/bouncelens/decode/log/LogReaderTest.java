package io.bouncelens.decode.log;

import io.bouncelens.decode.FailedRecipient;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A log read line after line: what earlier lines said about each message reaches its deliveries. */
class LogReaderTest {

    private static List<LogDelivery> readAll(LogReader reader, String... lines) {
        List<LogDelivery> out = new ArrayList<>();
        for (String line : lines) {
            LogDelivery d = reader.read(line);
            if (d != null) out.add(d);
        }
        return out;
    }

    @Test
    void postfixDeliveriesGetTheSenderAndMessageIdOfTheirQueueId() {
        List<LogDelivery> ds = readAll(new LogReader(),
                "Dec  6 10:00:00 mx postfix/cleanup[1101]: 4ABC123: message-id=<20261206.1@example.org>",
                "Dec  6 10:00:01 mx postfix/qmgr[1100]: 4ABC123: from=<alice@example.org>, size=2048, nrcpt=2 (queue active)",
                "Dec  6 10:00:01 mx postfix/qmgr[1100]: 5DEF456: from=<>, size=900, nrcpt=1 (queue active)",
                "Dec  6 10:00:02 mx postfix/smtp[1234]: 4ABC123: to=<gone@example.com>, relay=mx.example.com[192.0.2.1]:25, "
                        + "delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said: "
                        + "550 5.1.1 User unknown (in reply to RCPT TO command))",
                "Dec  6 10:00:03 mx postfix/smtp[1235]: 5DEF456: to=<x@example.net>, relay=none, delay=30, "
                        + "delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.net[192.0.2.7]:25: Connection timed out)",
                "Dec  6 10:00:04 mx postfix/smtp[1236]: 9XYZ000: to=<y@example.net>, relay=none, delay=30, "
                        + "delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.net[192.0.2.7]:25: Connection timed out)");

        assertThat(ds).hasSize(3);
        assertThat(ds.get(0).queueId()).isEqualTo("4ABC123");
        assertThat(ds.get(0).addresser()).isEqualTo("alice@example.org");
        assertThat(ds.get(0).messageId()).isEqualTo("20261206.1@example.org");
        assertThat(ds.get(1).addresser()).as("a bounce's empty sender").isNull();
        assertThat(ds.get(2).addresser()).as("a message the log had not seen before").isNull();
    }

    @Test
    void sendmailAndEximDeliveriesGetTheirMessagesSender() {
        LogReader reader = new LogReader();
        List<LogDelivery> ds = readAll(reader,
                "Dec  6 10:00:00 mx2 sendmail[2221]: 7GHI789: from=<bob@example.org>, size=10, class=0, nrcpts=1, "
                        + "msgid=<m-1@example.org>, proto=ESMTP, daemon=MTA, relay=client.example.org [198.51.100.7]",
                "Dec  6 10:00:04 mx2 sendmail[2222]: 7GHI789: to=<a@example.net>, delay=00:00:01, mailer=esmtp, "
                        + "relay=mx.example.net. [192.0.2.5], dsn=5.2.2, stat=Mailbox full",
                "2026-12-06 10:00:00 1vQmZc-0003Ab-7x <= carol@example.org H=client.example.org [198.51.100.7] P=esmtps "
                        + "S=2048 id=m-2@example.org",
                "2026-12-06 10:00:05 1vQmZc-0003Ab-7x ** full@example.jp R=dnslookup T=remote_smtp H=mx.example.jp "
                        + "[192.0.2.8]: SMTP error from remote mail server after RCPT TO:<full@example.jp>: 552 5.2.2 Mailbox full");

        assertThat(ds).extracting(LogDelivery::format, LogDelivery::addresser, LogDelivery::messageId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sendmail-log", "bob@example.org", "m-1@example.org"),
                org.assertj.core.groups.Tuple.tuple("exim-log", "carol@example.org", "m-2@example.org"));
    }

    @Test
    void aByteOrderMarkBeforeALogsFirstLineIsNotPartOfIt() {
        LogDelivery d = new LogReader().read("\uFEFFDec  6 10:00:02 mx postfix/smtp[1234]: 4ABC123: to=<gone@example.com>, "
                + "relay=mx.example.com[192.0.2.1]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced "
                + "(host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))");
        assertThat(d.timestamp()).isEqualTo("Dec  6 10:00:02");
        assertThat(d.recipients().get(0).recipient()).isEqualTo("gone@example.com");
    }

    @Test
    void sendmailAsDebianRunsItLogsUnderSmMta() {
        List<LogDelivery> ds = readAll(new LogReader(),
                "Dec  6 10:00:00 mx2 sm-mta[2221]: 7GHI790: from=<bob@example.org>, size=10, class=0, nrcpts=1, "
                        + "msgid=<m-3@example.org>, proto=ESMTP, daemon=MTA-v4, relay=localhost [127.0.0.1]",
                "Dec  6 10:00:04 mx2 sm-mta[2222]: 7GHI790: to=<gone@example.net>, ctladdr=<bob@example.org> (1000/1000), "
                        + "delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120325, relay=mx.example.net. [192.0.2.5], "
                        + "dsn=5.1.1, stat=User unknown");

        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.format()).isEqualTo("sendmail-log");
            assertThat(d.addresser()).isEqualTo("bob@example.org");
            assertThat(d.messageId()).isEqualTo("m-3@example.org");
            assertThat(d.recipients().get(0).recipient()).isEqualTo("gone@example.net");
            assertThat(d.recipients().get(0).status()).isEqualTo("5.1.1");
            assertThat(d.timestamp()).isEqualTo("Dec  6 10:00:04");
        });
    }

    @Test
    void qmailsDeliveryIsReadFromItsStartAndResultLines() {
        List<LogDelivery> ds = readAll(new LogReader(),
                "@4000000065700a3b2c3d4e5f new msg 12345",
                "@4000000065700a3b2c3d4e60 info msg 12345: bytes 2048 from <alice@example.org> qp 4711 uid 89",
                "@4000000065700a3b2c3d4e61 starting delivery 77: msg 12345 to remote gone@example.com",
                "@4000000065700a3b2c3d4e62 starting delivery 78: msg 12345 to remote ok@example.com",
                "@4000000065700a3b2c3d4e63 status: local 0/10 remote 2/20",
                "@4000000065700a3b2c3d4e64 delivery 78: success: 192.0.2.9_accepted_message./Remote_host_said:_250_ok/",
                "@4000000065700a3c00000000 delivery 77: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:"
                        + "_550_5.1.1_<gone@example.com>..._User_unknown/Giving_up_on_192.0.2.1./",
                "@4000000065700a3c00000001 delivery 99: failure: started before the log began",
                "@4000000065700a3c00000002 end msg 12345");

        assertThat(ds).hasSize(2);
        FailedRecipient ok = ds.get(0).recipients().get(0);
        assertThat(ok.recipient()).isEqualTo("ok@example.com");
        assertThat(ok.action()).isEqualTo("delivered");
        LogDelivery failed = ds.get(1);
        FailedRecipient gone = failed.recipients().get(0);
        assertThat(failed.format()).isEqualTo("qmail-log");
        assertThat(failed.timestamp()).isEqualTo("@4000000065700a3c00000000");
        assertThat(failed.addresser()).isEqualTo("alice@example.org");
        assertThat(gone.recipient()).isEqualTo("gone@example.com");
        assertThat(gone.action()).isEqualTo("failed");
        assertThat(gone.replyCode()).isEqualTo(550);
        assertThat(gone.status()).isEqualTo("5.1.1");
        assertThat(gone.diagnosticCode()).isEqualTo("192.0.2.1 does not like recipient. Remote host said: 550 5.1.1 "
                + "<gone@example.com>... User unknown Giving up on 192.0.2.1.");
    }

    @Test
    void powerMtaAccountingRecordsAreReadByTheColumnsTheirHeaderNames() {
        LogReader reader = new LogReader();
        String before = "b,1765015200,news@example.org,early@example.com,,failed,5.1.1,\"smtp;550 5.1.1 unknown\",,bad-mailbox";
        List<LogDelivery> ds = readAll(reader,
                before, // no header yet: the columns are not known
                "type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,vmta,jobId",
                "d,1765015201,1765015100,news@example.org,ok@example.com,,relayed,2.0.0,\"smtp;250 2.0.0 OK\","
                        + "\"dns;mx.example.com (192.0.2.1)\",,vmta-1,job-7",
                "b,1765015202,1765015100,news@example.org,gone@example.com,,failed,5.1.1,\"smtp;550 5.1.1 <gone@example.com>: "
                        + "Recipient address rejected: User unknown, \"\"gone\"\"\",\"dns;mx.example.com (192.0.2.1)\",bad-mailbox,vmta-1,job-7",
                "t,1765015203,1765015100,news@example.org,someone@qq.com,,delayed,4.0.0,\"smtp;451 Ip frequency limited\","
                        + "\"dns;mx3.qq.com (203.0.113.9)\",,vmta-1,job-7",
                "r,1765015204,,sender@example.org,in@example.org,,,,,,,,",
                "f,1765015205,,news@example.org,complainer@example.com,,,,,,,,");

        assertThat(ds).hasSize(3);
        assertThat(ds).allSatisfy(d -> {
            assertThat(d.format()).isEqualTo("powermta-log");
            assertThat(d.addresser()).isEqualTo("news@example.org");
        });
        assertThat(ds).extracting(d -> d.recipients().get(0).recipient() + " " + d.recipients().get(0).action())
                .containsExactly("ok@example.com delivered", "gone@example.com failed", "someone@qq.com delayed");
        FailedRecipient gone = ds.get(1).recipients().get(0);
        assertThat(ds.get(1).timestamp()).isEqualTo("1765015202");
        assertThat(gone.status()).isEqualTo("5.1.1");
        assertThat(gone.replyCode()).isEqualTo(550);
        assertThat(gone.remoteHost()).isEqualTo("mx.example.com");
        assertThat(gone.diagnosticCode()).isEqualTo("550 5.1.1 <gone@example.com>: Recipient address rejected: "
                + "User unknown, \"gone\"");
        assertThat(ds.get(2).recipients().get(0).remoteHost()).isEqualTo("mx3.qq.com");
    }

    private static final String EXCHANGE_FIELDS = "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,"
            + "source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,"
            + "recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,"
            + "message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,"
            + "original-server-ip,custom-data,transport-traffic-type,log-id,schema-version";

    /** A tracking log event with the columns of {@link #EXCHANGE_FIELDS}; recipients and status as CSV fields. */
    private static String exchangeEvent(String time, String source, String event, String recipients, String status) {
        return time + ",192.0.2.10,EX01.contoso.example,192.0.2.20,mx.example.com,08DF0000;250 2.0.0 OK,"
                + "Internet send,\"" + source + "\"," + event + ",41231686041602,<20261206.7@contoso.example>,"
                + "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0," + recipients + "," + status + ",8192,2,,,"
                + "\"Invoice, December\",billing@contoso.example,billing@contoso.example,,Originating,,192.0.2.10,"
                + "192.0.2.20,,Email,0a1b2c3d,15.02.1544.009";
    }

    @Test
    void exchangeTrackingLogEventsAreReadByTheColumnsItsFieldsLineNames() {
        LogReader reader = new LogReader();
        List<LogDelivery> ds = readAll(reader,
                "\uFEFF#Software: Microsoft Exchange Server",
                "#Version: 15.02.1544.009",
                "#Log-type: Message Tracking Log",
                "#Date: 2026-12-06T08:00:00.000Z",
                EXCHANGE_FIELDS,
                exchangeEvent("2026-12-06T08:00:01.100Z", "SMTP", "RECEIVE", "\"a@example.com;b@example.net\"",
                        "\"250 2.1.5 Recipient OK;250 2.1.5 Recipient OK\""),
                exchangeEvent("2026-12-06T08:00:02.200Z", "ROUTING", "FAIL", "\"gone@contoso.example;left@contoso.example\"",
                        "\"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup;"
                                + "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\""),
                exchangeEvent("2026-12-06T08:00:03.300Z", "SMTP", "DEFER", "someone@qq.com",
                        "\"[{LRT=2026-12-06T08:00:03.000Z};{LED=451 4.4.0 Primary target IP address responded with: "
                                + "\"\"451 Ip frequency limited\"\"};{FQDN=mx3.qq.com};{IP=203.0.113.9}]\""),
                exchangeEvent("2026-12-06T08:00:04.400Z", "SMTP", "SEND", "ok@example.com", "250 2.0.0 OK"),
                exchangeEvent("2026-12-06T08:00:05.500Z", "DSN", "DSN", "billing@contoso.example", ""));

        assertThat(ds).hasSize(3);
        assertThat(ds).allSatisfy(d -> {
            assertThat(d.format()).isEqualTo("exchange-log");
            assertThat(d.addresser()).isEqualTo("billing@contoso.example");
            assertThat(d.messageId()).isEqualTo("20261206.7@contoso.example");
            assertThat(d.queueId()).isEqualTo("41231686041602");
        });
        assertThat(ds).flatExtracting(LogDelivery::recipients)
                .extracting(r -> r.recipient() + " " + r.action() + " " + r.status())
                .containsExactly("gone@contoso.example failed 5.1.10", "left@contoso.example failed 5.1.1",
                        "someone@qq.com delayed 4.4.0", "ok@example.com delivered null");
        FailedRecipient gone = ds.get(0).recipients().get(0);
        assertThat(ds.get(0).timestamp()).isEqualTo("2026-12-06T08:00:02.200Z");
        assertThat(gone.replyCode()).isEqualTo(550);
        assertThat(gone.diagnosticCode())
                .isEqualTo("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup");
        FailedRecipient deferred = ds.get(1).recipients().get(0);
        assertThat(deferred.diagnosticCode()).isEqualTo("451 4.4.0 Primary target IP address responded with: "
                + "\"451 Ip frequency limited\"");
        assertThat(deferred.remoteHost()).isEqualTo("mx3.qq.com");
    }

    @Test
    void aSyslogLineWithAnIsoTimeIsStillReadAfterATrackingLogsHeader() {
        LogReader reader = new LogReader();
        reader.read(EXCHANGE_FIELDS);
        LogDelivery d = reader.read("2026-12-06T10:00:02.123456+00:00 mx postfix/smtp[1234]: 4ABC123: to=<gone@example.com>, "
                + "relay=mx.example.com[192.0.2.1]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced "
                + "(host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))");
        assertThat(d.format()).isEqualTo("postfix-log");
        assertThat(d.recipients().get(0).recipient()).isEqualTo("gone@example.com");
    }

    @Test
    void forgetsTheOldestMessagesFirst() {
        LogReader reader = new LogReader();
        reader.read("Dec  6 10:00:00 mx postfix/qmgr[1]: FIRST: from=<first@example.org>, size=1, nrcpt=1 (queue active)");
        for (int i = 0; i < LogReader.MAX_REMEMBERED; i++) {
            reader.read("Dec  6 10:00:00 mx postfix/qmgr[1]: Q" + i + ": from=<s@example.org>, size=1, nrcpt=1 (queue active)");
        }
        String bounced = ": to=<x@example.com>, relay=none, dsn=5.1.1, status=bounced (unknown)";
        assertThat(reader.read("Dec  6 10:00:01 mx postfix/smtp[2]: FIRST" + bounced).addresser()).isNull();
        assertThat(reader.read("Dec  6 10:00:01 mx postfix/smtp[2]: Q" + (LogReader.MAX_REMEMBERED - 1) + bounced)
                .addresser()).isEqualTo("s@example.org");
    }
}
