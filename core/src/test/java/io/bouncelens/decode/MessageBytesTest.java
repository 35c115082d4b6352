package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The one pass that readies a message's bytes for the MIME parser: line ends, size cap, read errors. */
class MessageBytesTest {

    private static byte[] content(MessageBytes m) {
        return Arrays.copyOf(m.bytes(), m.length());
    }

    @Test
    void unixDosAndMacLineEndsAllComeOutAsLf() {
        byte[] in = "a\r\nb\rc\nd\r\r\ne\r".getBytes(StandardCharsets.US_ASCII);
        MessageBytes m = MessageBytes.read(new ByteArrayInputStream(in), Long.MAX_VALUE, 1000);
        assertThat(new String(content(m), StandardCharsets.US_ASCII)).isEqualTo("a\nb\nc\nd\n\ne\n");
    }

    @Test
    void crlfSplitAcrossReadsStaysOneLineEnd() {
        Random random = new Random(42);
        byte[] alphabet = "ab \r\n\r\n\r".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 300; round++) {
            byte[] in = new byte[random.nextInt(3000)];
            for (int i = 0; i < in.length; i++) in[i] = alphabet[random.nextInt(alphabet.length)];
            int chunk = 1 + random.nextInt(40);
            MessageBytes m = MessageBytes.read(LongHeaderTest.trickling(in, chunk), Long.MAX_VALUE, Integer.MAX_VALUE);
            assertThat(content(m)).as("round %d, chunk %d", round, chunk).isEqualTo(Fixtures.withLfLineEnds(in));
        }
    }

    @Test
    void onlyTheFirstMaxBytesAreReadAndALongerInputIsSaidToExceed() {
        byte[] in = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

        MessageBytes cut = MessageBytes.read(new ByteArrayInputStream(in), 12, 1000);
        MessageBytes exact = MessageBytes.read(new ByteArrayInputStream(in), in.length, 1000);

        assertThat(new String(content(cut), StandardCharsets.US_ASCII)).isEqualTo("Subject: x\n");
        assertThat(cut.exceeded()).isTrue();
        assertThat(cut.rawLength()).isEqualTo(12);
        assertThat(new String(content(exact), StandardCharsets.US_ASCII)).isEqualTo("Subject: x\n\nbody\n");
        assertThat(exact.exceeded()).isFalse();
    }

    @Test
    void aReadErrorKeepsWhatWasReadAndSaysWhy() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served == 5) throw new IOException("disk went away");
                return "From:".charAt(served++);
            }
        };

        MessageBytes m = MessageBytes.read(failing, Long.MAX_VALUE, 1000);

        assertThat(new String(content(m), StandardCharsets.US_ASCII)).isEqualTo("From:");
        assertThat(m.error()).hasMessage("disk went away");
    }

    /**
     * A message held in memory gives the bytes a stream of it gives, kept in place when nothing
     * changes; one told it has no CR (when it has none) gives the same, without the search.
     */
    @Test
    void aMessageInMemoryIsReadAsItsStreamIs() {
        Random random = new Random(3);
        byte[] alphabet = "ab: \r\n\n--".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 600; round++) {
            // every other round without CRs, so that lfOnly may be claimed
            byte[] letters = round % 2 == 0 ? alphabet : "ab: \n\n--".getBytes(StandardCharsets.US_ASCII);
            byte[] in = new byte[random.nextInt(400)];
            for (int i = 0; i < in.length; i++) in[i] = letters[random.nextInt(letters.length)];
            long maxBytes = 1 + random.nextInt(500);
            int maxField = 1 + random.nextInt(500);
            MessageBytes streamed = MessageBytes.read(new ByteArrayInputStream(in), maxBytes, maxField);
            for (boolean lfOnly : round % 2 == 0 ? new boolean[] {false} : new boolean[] {false, true}) {
                MessageBytes held = MessageBytes.of(in, lfOnly, maxBytes, maxField);
                assertThat(content(held)).as("round %d, lfOnly %s", round, lfOnly).isEqualTo(content(streamed));
                assertThat(held.exceeded()).isEqualTo(streamed.exceeded());
                assertThat(held.cut()).isEqualTo(streamed.cut());
                assertThat(held.rawLength()).isEqualTo(streamed.rawLength());
            }
        }
        byte[] plain = "Subject: x\n\nbody\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(MessageBytes.of(plain, false, 1000, 1000).bytes()).as("kept in place, not copied").isSameAs(plain);
        assertThat(plain).isEqualTo("Subject: x\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
    }
}
