package io.bouncelens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log lines through the whole path, reader and classifier: the texts mail servers write in their
 * own words (Postfix's "connect to ...", Exim's "Unrouteable address") and the replies they quote
 * get the reasons a bounce with the same words gets. Lines written here in each server's format.
 */
class LogLineReasonsTest {

    private static final String POSTFIX = "Dec  6 10:00:00 mx postfix/smtp[1]: 4A: to=<u@example.com>, relay=none, "
            + "delay=1, delays=0/0/1/0, dsn=";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`" + POSTFIX + "4.4.1, status=deferred (connect to mx.example.com[192.0.2.7]:25: Connection refused)` | delayed | networkerror | false",
        "`" + POSTFIX + "5.4.4, status=bounced (Host or domain name not found. Name service error for name=example.invalid type=A: Host not found)` | failed | hostunknown | true",
        "`" + POSTFIX + "4.2.2, status=deferred (host mx.example.com[192.0.2.7] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))` | delayed | mailboxfull | false",
        "`" + POSTFIX + "5.7.1, status=bounced (host mx.example.com[192.0.2.7] said: 554 5.7.1 Service unavailable; Client host [198.51.100.1] blocked using zen.spamhaus.org (in reply to RCPT TO command))` | failed | blocked | false",
        "`" + POSTFIX + "5.3.4, status=bounced (message size 30000000 exceeds size limit 10240000 of server mx.example.com[192.0.2.7])` | failed | emailtoolarge | false",
        "`" + POSTFIX + "4.7.0, status=deferred (host mx3.qq.com[203.0.113.9] said: 451 Ip frequency limited (in reply to MAIL FROM command))` | delayed | ratelimited | false",
        "`2026-12-06 10:00:05 1vQmZc-0003Ab-7x ** u@example.com: retry timeout exceeded` | failed | expired | false",
        "`2026-12-06 10:00:05 1vQmZc-0003Ab-7x ** u@example.com: Unrouteable address` | failed | hostunknown | true",
        "`2026-12-06 10:00:05 1vQmZc-0003Ab-7x ** u@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.7]: SMTP error from remote mail server after RCPT TO:<u@example.com>: 550 5.7.1 Relaying denied` | failed | norelaying | false",
        "`Dec  6 10:00:04 mx sendmail[2]: Q1: to=<u@example.com>, delay=00:00:01, mailer=esmtp, relay=mx.example.com. [192.0.2.7], dsn=5.1.1, stat=User unknown` | failed | userunknown | true",
        "`Dec  6 10:00:09 mx smtpd[3]: 5df8 mta delivery evpid=3d4c from=<n@example.org> to=<u@example.com> rcpt=<-> source=\"192.0.2.50\" relay=\"192.0.2.7 (mx.example.com)\" delay=0s result=\"TempFail\" stat=\"421 4.7.0 Try again later, closing connection\"` | delayed | systemerror | false",
        "`Dec  6 10:00:09 mx smtpd[3]: 5df8 mta delivery evpid=3d4c from=<n@example.org> to=<u@example.com> rcpt=<-> source=\"192.0.2.50\" relay=\"192.0.2.7 (mx.example.com)\" delay=0s result=\"PermFail\" stat=\"552 5.2.2 Mailbox full\"` | failed | mailboxfull | false",
    })
    void aLogLineGetsTheReasonItsWordsGiveAnywhere(String line, String action, String reason, boolean hard) {
        List<BounceRecord> records = Bouncelens.standard().explainLogLine(line, Lang.EN, "mail.log", 7);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("u@example.com");
            assertThat(r.action()).isEqualTo(action);
            assertThat(r.reason().label()).isEqualTo(reason);
            assertThat(r.hardBounce()).isEqualTo(hard);
            assertThat(r.message()).isEqualTo(7);
            assertThat(r.explanation()).isNotBlank();
            assertThat(r.fix()).isNotBlank();
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spam-related | spamdetected",
        "quota-issues | mailboxfull",
        // no category to follow: a bare 5.0.0 beside an unknown reply, as anywhere
        "other | onhold",
        "'' | onhold",
    })
    void aPowerMtaAccountingRecordsBounceCategoryDecidesWhereTheReplySaysLittle(String category, String reason) {
        io.bouncelens.decode.log.LogReader reader = new io.bouncelens.decode.log.LogReader();
        reader.read("type,timeLogged,orig,rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat");
        List<BounceRecord> records = Bouncelens.standard().logRecords(reader.read("b,1765015202,news@example.org,"
                + "u@example.com,failed,5.0.0,\"smtp;550 Message rejected\",dns;mx.example.com," + category),
                Lang.EN, "acct.csv", 2);

        assertThat(records).singleElement().satisfies(r -> assertThat(r.reason().label()).isEqualTo(reason));
    }
}
