package io.bouncelens.server.smtp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter on what the server writes after STARTTLS: the one capability line goes, nothing else. */
class SecuredSessionTest {

    @Test
    void onlyTheStartTlsCapabilityLineIsDropped() throws IOException {
        String ehlo = "250-bouncelens\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250-STARTTLS\r\n250-CHUNKING\r\n250 Ok\r\n";
        assertThat(written(ehlo, 1)).isEqualTo("250-bouncelens\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250-CHUNKING\r\n250 Ok\r\n");
        // the same words anywhere but as that whole line pass through
        for (String kept : new String[] {"250 STARTTLS is not for you\r\n", "250-STARTTLSX\r\n", "550 250-STARTTLS\r\n",
                "250-STARTTLS\n", "250-STARTTL", "250-STARTTLS\r"}) {
            assertThat(written(kept, 1)).as(kept).isEqualTo(kept);
        }
    }

    @Test
    void howTheBytesComeInPiecesChangesNothing() throws IOException {
        Random random = new Random(3);
        String[] parts = {"250-STARTTLS\r\n", "250 Ok\r\n", "250-", "STARTTLS", "\r\n", "x", "\n", "\r"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) text.append(parts[random.nextInt(parts.length)]);
            String s = text.toString();
            assertThat(written(s, 1 + random.nextInt(5))).as(s).isEqualTo(expected(s));
        }
    }

    /** The model: whole lines (CRLF-ended) equal to "250-STARTTLS" go, at line starts only. */
    private static String expected(String s) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < s.length()) {
            if (s.startsWith("250-STARTTLS\r\n", at)) {
                at += "250-STARTTLS\r\n".length();
                continue;
            }
            int lf = s.indexOf('\n', at);
            int end = lf < 0 ? s.length() : lf + 1;
            out.append(s, at, end);
            at = end;
        }
        return out.toString();
    }

    /** What reaches the socket when {@code text} is written in pieces of {@code piece} bytes, then flushed. */
    private static String written(String text, int piece) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new SecuredSession.WithoutStartTls(sink)) {
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < b.length; i += piece) out.write(b, i, Math.min(piece, b.length - i));
            out.flush();
        }
        return sink.toString(StandardCharsets.US_ASCII);
    }
}
