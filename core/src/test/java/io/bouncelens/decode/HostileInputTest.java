package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken and oversized messages give what can be read and say what could not. */
class HostileInputTest {

    private final ReportDecoder decoder = ReportDecoder.standard(Limits.DEFAULT);

    @Test
    void aReportNestedTenDeepIsReadAtTheTopOnly() {
        String inner = new String(Fixtures.bytes("dsn-postfix.eml"), StandardCharsets.UTF_8);
        for (int level = 0; level < 10; level++) {
            inner = "From: MAILER-DAEMON@relay" + level + ".example\nSubject: Undelivered Mail Returned to Sender\n"
                    + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"n" + level + "\"\n\n"
                    + "--n" + level + "\nContent-Type: text/plain\n\nlevel " + level + "\n"
                    + "--n" + level + "\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; relay" + level + ".example\n\n"
                    + "Final-Recipient: rfc822; level" + level + "@relay.example\nAction: failed\nStatus: 5.0.0\n\n"
                    + "--n" + level + "\nContent-Type: message/rfc822\n\n" + inner + "\n--n" + level + "--\n";
        }
        ParsedMessage m = Fixtures.parse(inner.getBytes(StandardCharsets.UTF_8));
        DecodedReport r = decoder.decode(m);

        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("level9@relay.example");
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void aTruncatedMessageGivesWhatWasReadAndSaysSo() {
        byte[] whole = Fixtures.bytes("dsn-postfix.eml");
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int cut = text.indexOf("Remote-MTA:");
        ParsedMessage m = Fixtures.parse(Arrays.copyOf(whole, cut));
        DecodedReport r = decoder.decode(m);

        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly("nobody@receiver.example");
        assertThat(r.recipients().get(0).status()).isEqualTo("5.1.1");
        assertThat(m.problems()).anyMatch(p -> p.contains("not closed"));
    }

    @Test
    void blankLinesAboveTheHeaderFieldsArePassedOver() {
        byte[] report = Fixtures.bytes("dsn-postfix.eml");
        byte[] pasted = ("\n" + " ".repeat(40) + "\r\n\t\n" + new String(report, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedMessage m = Fixtures.parse(pasted);

        assertThat(m.problems()).isEmpty();
        assertThat(m.subject()).isEqualTo(Fixtures.parse(report).subject()).isNotEmpty();
        assertThat(decoder.decode(m).recipients()).extracting(FailedRecipient::recipient).containsExactly("nobody@receiver.example");
    }

    @Test
    void aParameterListFoldedWithoutIndentStillGivesTheBoundary() {
        String report = "From: postmaster@mx.example\nSubject: Undelivered Mail\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status;\nboundary=\"cut\"\n\n"
                + "--cut\nContent-Type: text/plain\n\nNot delivered.\n"
                + "--cut\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
                + "Final-Recipient: rfc822; gone@receiver.example\nAction: failed\nStatus: 5.1.1\n\n--cut--\n";
        ParsedMessage m = Fixtures.parse(report.getBytes(StandardCharsets.US_ASCII));

        assertThat(m.partTypes()).contains("message/delivery-status");
        assertThat(decoder.decode(m).recipients()).extracting(FailedRecipient::recipient).containsExactly("gone@receiver.example");
    }

    @Test
    void aLineWithoutAFieldAfterAnyOtherFieldStartsTheBody() {
        ParsedMessage m = Fixtures.parse("Subject: notes\nbody text without a blank line\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(m.subject()).isEqualTo("notes");
        assertThat(m.text()).contains("body text without a blank line");
    }

    @Test
    void textAfterABlankFirstLineIsABodyWithoutHeaders() {
        ParsedMessage m = Fixtures.parse("\nDear team: the meeting moved to Friday.\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(m.headers().isEmpty()).isTrue();
        assertThat(m.problems()).contains("no header fields: read as the text of a message without them");
    }

    @Test
    void anEmptyInputIsAProblemNotACrash() {
        ParsedMessage m = Fixtures.parse(new byte[0]);

        assertThat(m.problems()).isNotEmpty();
        assertThat(decoder.decode(m).kind()).isEqualTo(MessageKind.NOT_BOUNCE);
    }

    @Test
    void binaryJunkIsAProblemNotACrash() {
        byte[] junk = new byte[200_000];
        new Random(7).nextBytes(junk);
        ParsedMessage m = Fixtures.parse(junk);

        assertThat(m.problems()).isNotEmpty();
        assertThat(decoder.decode(m).recipients()).isEmpty();
    }

    @Test
    void aFiftyMegabyteAttachmentIsSkippedAndTheReportStillRead() {
        String head = "From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"big\"\n\n"
                + "--big\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
                + "Final-Recipient: rfc822; big@receiver.example\nAction: failed\nStatus: 5.3.4\n"
                + "Diagnostic-Code: smtp; 552 5.3.4 message too big\n\n"
                + "--big\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n";
        InputStream attachment = new RepeatingInputStream("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n".getBytes(StandardCharsets.US_ASCII),
                50L << 20);
        InputStream message = new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)), attachment),
                new ByteArrayInputStream("\n--big--\n".getBytes(StandardCharsets.US_ASCII)));
        ParsedMessage m = new MessageParser(Limits.DEFAULT.withMaxMessageBytes(16L << 20)).parse(message);
        DecodedReport r = decoder.decode(m);

        assertThat(r.recipients()).extracting(FailedRecipient::status).containsExactly("5.3.4");
        assertThat(m.truncated()).isTrue();
        assertThat(m.problems()).anyMatch(p -> p.contains("larger than"));
    }

    @Test
    void recipientsBeyondTheLimitAreDroppedAndMarked() {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@mx.example\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n"
                + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n");
        for (int i = 0; i < 50; i++) b.append("Final-Recipient: rfc822; u").append(i).append("@x.example\nAction: failed\nStatus: 5.1.1\n\n");
        b.append("--r--\n");
        ParsedMessage m = new MessageParser(Limits.DEFAULT.withMaxRecipients(10)).parse(
                new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.US_ASCII)));

        assertThat(m.deliveryStatus().perRecipient()).hasSize(10);
        assertThat(m.truncated()).isTrue();
    }

    @Test
    void deepMimeNestingStopsAtTheLimit() {
        StringBuilder b = new StringBuilder("From: a@b.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"d0\"\n\n");
        for (int i = 1; i < 200; i++) b.append("--d").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=\"d").append(i).append("\"\n\n");
        ParsedMessage m = Fixtures.parse(b.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(m.truncated()).isTrue();
        assertThat(m.problems()).anyMatch(p -> p.contains("nested deeper"));
    }

    @Test
    void headerFieldsBeyondTheLimitAreDroppedAndTheBodyStillRead() {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@mx.example\n");
        for (int i = 0; i < 1500; i++) b.append("X-Trace-").append(i).append(": hop\n");
        b.append("Subject: Undelivered Mail Returned to Sender\n\n550 5.1.1 <nobody@example.org>: User unknown\n");
        ParsedMessage m = Fixtures.parse(b.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(m.headers().fields()).hasSize(Limits.DEFAULT.maxHeaderCount());
        assertThat(m.text()).contains("User unknown");
        assertThat(m.truncated()).isTrue();
        assertThat(m.problems()).containsExactly("more than 1000 header fields; read the first ones");
    }

    /** {@code length} bytes of a repeated pattern, generated on the fly. */
    private static final class RepeatingInputStream extends InputStream {
        private final byte[] pattern;
        private long left;
        private int pos;

        RepeatingInputStream(byte[] pattern, long length) {
            this.pattern = pattern;
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) return -1;
            left--;
            byte b = pattern[pos];
            pos = (pos + 1) % pattern.length;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = pattern[pos];
                pos = (pos + 1) % pattern.length;
            }
            left -= n;
            return n;
        }
    }
}
