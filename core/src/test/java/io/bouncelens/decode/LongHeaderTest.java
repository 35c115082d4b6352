package io.bouncelens.decode;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
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
    void partHeadersAfterABoundaryAreCappedToo() {
        String message = "Content-Type: multipart/mixed; boundary=b\n\nbody line " + "z".repeat(100) + "\n--b\nX-Part: "
                + "p".repeat(5000) + "\nContent-Type: text/plain\n\n" + "t".repeat(5000) + "\n--b--\n";
        MessageBytes cap = MessageBytes.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)),
                Long.MAX_VALUE, 1000);

        String out = new String(cap.bytes(), 0, cap.length(), StandardCharsets.US_ASCII);

        assertThat(cap.cut()).isTrue();
        assertThat(out).contains("X-Part: " + "p".repeat(992) + "\n").doesNotContain("p".repeat(993));
        assertThat(out).contains("t".repeat(5000)); // body lines are never cut
        assertThat(out).contains("body line " + "z".repeat(100));
    }

    @Test
    void bulkCopiesCutExactlyWhatTheByteByByteRuleCuts() {
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"X-Field: ", "value ", "\n", "\r\n", "\r", "\n ", "\n\t", "--b\n", "-", "--", "\n\n", "body ",
                "y".repeat(40)};
        for (int round = 0; round < 500; round++) {
            StringBuilder message = new StringBuilder();
            for (int k = random.nextInt(120); k > 0; k--) message.append(pieces[random.nextInt(pieces.length)]);
            byte[] bytes = message.toString().getBytes(StandardCharsets.US_ASCII);
            int limit = 5 + random.nextInt(60);
            ByteByByte expected = new ByteByByte(limit);
            byte[] lf = message.toString().replace("\r\n", "\n").replace('\r', '\n').getBytes(StandardCharsets.US_ASCII);
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            for (byte c : lf) if (expected.keep(c)) kept.write(c);
            for (int chunk : new int[] {1, 1 + random.nextInt(30), bytes.length + 1}) {
                MessageBytes read = MessageBytes.read(trickling(bytes, chunk), Long.MAX_VALUE, limit);
                assertThat(java.util.Arrays.copyOf(read.bytes(), read.length())).as("round %d, chunk %d", round, chunk)
                        .isEqualTo(kept.toByteArray());
                assertThat(read.cut()).isEqualTo(expected.cut);
            }
        }
    }

    /**
     * The header-field cap as a rule on one byte at a time (LF line ends), written as plainly as
     * possible: what {@link MessageBytes} must do, whatever steps it takes.
     */
    private static final class ByteByByte {
        final int max;
        boolean inHeader = true;
        int column;
        int fieldBytes;
        boolean dashDashLine;
        boolean lineKept;
        boolean cut;

        ByteByByte(int max) {
            this.max = max;
        }

        boolean keep(byte c) {
            if (column == 0 && inHeader) {
                if (c == '\n') {
                    inHeader = false;
                    return true;
                }
                if (c != ' ' && c != '\t') fieldBytes = 0;
            }
            if (column == 0) dashDashLine = c == '-';
            else if (column == 1) dashDashLine &= c == '-';
            if (c == '\n') {
                boolean droppedWhole = inHeader && column > 0 && !lineKept;
                column = 0;
                lineKept = false;
                if (dashDashLine && !inHeader) inHeader = true;
                if (inHeader) fieldBytes++;
                return !droppedWhole;
            }
            column++;
            if (inHeader && fieldBytes >= max) {
                cut = true;
                return false;
            }
            if (inHeader) fieldBytes++;
            lineKept = true;
            return true;
        }
    }

    /** A source that hands out at most {@code chunk} bytes per read. */
    static java.io.InputStream trickling(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }

            @Override
            public synchronized int available() {
                return 0;
            }
        };
    }

    private static MessageDiagnosis diagnose(String message) {
        return Bouncelens.standard().diagnoseMessage(
                new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)), Lang.EN, "long.eml", 1);
    }
}
