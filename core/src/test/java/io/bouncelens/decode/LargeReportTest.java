package io.bouncelens.decode;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A mass mailing's report may list thousands of recipients: with the default limits each one is a record. */
class LargeReportTest {

    @Test
    void aReportOfTenThousandRecipientsGivesTenThousandRecords() {
        MessageDiagnosis d = Bouncelens.standard().diagnoseMessage(
                new ByteArrayInputStream(report(10_000).getBytes(StandardCharsets.US_ASCII)), Lang.EN, "big.eml", 1);

        assertThat(d.records()).hasSize(10_000);
        assertThat(d.records().get(9_999).recipient()).isEqualTo("user10000@example.org");
        assertThat(d.truncated()).isFalse();
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void recipientsBeyondTheDefaultLimitAreCutAndSaidSo() {
        int over = Limits.DEFAULT.maxRecipients() + 5;
        MessageDiagnosis d = Bouncelens.standard().diagnoseMessage(
                new ByteArrayInputStream(report(over).getBytes(StandardCharsets.US_ASCII)), Lang.EN, "bigger.eml", 1);

        assertThat(d.records()).hasSize(Limits.DEFAULT.maxRecipients());
        assertThat(d.truncated()).isTrue();
        assertThat(d.problems()).anyMatch(p -> p.contains("recipients"));
    }

    /** A DSN listing {@code n} failed recipients, each with a Remote-MTA and a Diagnostic-Code. */
    private static String report(int n) {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n"
                + "--r\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
                + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n");
        for (int i = 1; i <= n; i++) {
            b.append("\nFinal-Recipient: rfc822; user").append(i).append("@example.org\nAction: failed\nStatus: 5.1.1\n")
                    .append("Remote-MTA: dns; mx").append(i % 7).append(".example.org\n")
                    .append("Diagnostic-Code: smtp; 550 5.1.1 <user").append(i)
                    .append("@example.org>: Recipient address rejected: User unknown in virtual mailbox table\n");
        }
        return b.append("\n--r--\n").toString();
    }
}
