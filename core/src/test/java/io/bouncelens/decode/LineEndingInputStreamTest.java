package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LineEndingInputStreamTest {

    /** A source that hands out at most {@code chunk} bytes per read, so CRLF pairs straddle reads. */
    private static InputStream trickling(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static byte[] readAll(InputStream in, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[readSize];
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) out.write(buf, 0, n);
        return out.toByteArray();
    }

    @Test
    void unixDosAndMacLineEndsAllComeOutAsLf() throws IOException {
        byte[] in = "a\r\nb\rc\nd\r\r\ne\r".getBytes(StandardCharsets.US_ASCII);
        byte[] out = readAll(new LineEndingInputStream(new ByteArrayInputStream(in)), 8192);
        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("a\nb\nc\nd\n\ne\n");
    }

    @Test
    void crlfSplitAcrossReadsStaysOneLineEnd() throws IOException {
        Random random = new Random(42);
        byte[] alphabet = "ab \r\n\r\n\r".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 300; round++) {
            byte[] in = new byte[random.nextInt(3000)];
            for (int i = 0; i < in.length; i++) in[i] = alphabet[random.nextInt(alphabet.length)];
            int chunk = 1 + random.nextInt(40);
            int readSize = 1 + random.nextInt(60);
            byte[] out = readAll(new LineEndingInputStream(trickling(in, chunk)), readSize);
            assertThat(out).as("round %d, chunk %d, read size %d", round, chunk, readSize).isEqualTo(Fixtures.withLfLineEnds(in));
        }
    }

    @Test
    void singleByteReadsAgreeWithBulkReads() throws IOException {
        byte[] in = "x\r\ny\rz\n\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream s = new LineEndingInputStream(trickling(in, 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while ((c = s.read()) >= 0) out.write(c);
        assertThat(out.toByteArray()).isEqualTo(Fixtures.withLfLineEnds(in));
    }
}
