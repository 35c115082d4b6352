package io.bouncelens.decode;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A header field over the limit is cut to its start; the report behind it is still read. */
class LongHeaderTest {

    private static final String REPORT = "MIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n"
            + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
            + "Final-Recipient: rfc822; long@example.org\nAction: failed\nStatus: 5.1.1\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n--r--\n";

    @Test
    void aSubjectOfTwoMegabytesIsCutAndTheReportBehindItStillRead() {
        String message = "From: MAILER-DAEMON@mx.example.net\nSubject: " + "x".repeat(2 << 20) + "\n" + REPORT;

        MessageDiagnosis d = diagnose(message);

        assertThat(d.records()).extracting(r -> r.recipient()).containsExactly("long@example.org");
        assertThat(d.records().get(0).status()).isEqualTo("5.1.1");
        assertThat(d.truncated()).isTrue();
        assertThat(d.problems()).anyMatch(p -> p.contains("header field is longer than"));
    }

    @Test
    void aFoldedFieldOverTheLimitLosesItsLaterLinesOnly() {
        String message = "From: MAILER-DAEMON@mx.example.net\nX-Folded: start\n" + (" " + "y".repeat(1000) + "\n").repeat(200)
                + "Subject: Undelivered Mail Returned to Sender\n" + REPORT;

        MessageDiagnosis d = diagnose(message);

        assertThat(d.records()).extracting(r -> r.recipient()).containsExactly("long@example.org");
        ParsedMessage parsed = new MessageParser().parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
        assertThat(parsed.subject()).isEqualTo("Undelivered Mail Returned to Sender");
        assertThat(parsed.header("X-Folded")).startsWith("start y").hasSizeLessThan(Limits.DEFAULT.maxHeaderLineBytes());
        assertThat(d.truncated()).isTrue();
    }

    @Test
    void partHeadersAfterABoundaryAreCappedToo() throws IOException {
        String message = "Content-Type: multipart/mixed; boundary=b\n\nbody line " + "z".repeat(100) + "\n--b\nX-Part: "
                + "p".repeat(5000) + "\nContent-Type: text/plain\n\n" + "t".repeat(5000) + "\n--b--\n";
        HeaderFieldCap cap = new HeaderFieldCap(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)), 1000);

        String out = new String(cap.readAllBytes(), StandardCharsets.US_ASCII);

        assertThat(cap.cut()).isTrue();
        assertThat(out).contains("X-Part: " + "p".repeat(992) + "\n").doesNotContain("p".repeat(993));
        assertThat(out).contains("t".repeat(5000)); // body lines are never cut
        assertThat(out).contains("body line " + "z".repeat(100));
    }

    @Test
    void bulkReadsCutExactlyWhatByteByByteReadsCut() throws IOException {
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"X-Field: ", "value ", "\n", "\n ", "\n\t", "--b\n", "-", "--", "\n\n", "body ", "y".repeat(40)};
        for (int round = 0; round < 300; round++) {
            StringBuilder message = new StringBuilder();
            for (int k = random.nextInt(120); k > 0; k--) message.append(pieces[random.nextInt(pieces.length)]);
            byte[] bytes = message.toString().getBytes(StandardCharsets.US_ASCII);
            int limit = 5 + random.nextInt(60);
            HeaderFieldCap oneByOne = new HeaderFieldCap(new ByteArrayInputStream(bytes), limit);
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            int c;
            while ((c = oneByOne.read()) >= 0) expected.write(c);
            HeaderFieldCap bulk = new HeaderFieldCap(new ByteArrayInputStream(bytes), limit);
            assertThat(bulk.readAllBytes()).as("round %d", round).isEqualTo(expected.toByteArray());
            assertThat(bulk.cut()).isEqualTo(oneByOne.cut());
        }
    }

    private static MessageDiagnosis diagnose(String message) {
        return Bouncelens.standard().diagnoseMessage(
                new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)), Lang.EN, "long.eml", 1);
    }
}
