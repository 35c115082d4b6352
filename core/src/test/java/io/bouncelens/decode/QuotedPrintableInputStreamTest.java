package io.bouncelens.decode;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our bulk quoted-printable decoder gives the bytes mime4j's decoder gave, oddities included. */
class QuotedPrintableInputStreamTest {

    private static byte[] ours(byte[] in, int chunk) throws IOException {
        return new QuotedPrintableInputStream(LongHeaderTest.trickling(in, chunk)).readAllBytes();
    }

    private static byte[] mime4j(byte[] in) throws IOException {
        return new org.apache.james.mime4j.codec.QuotedPrintableInputStream(new ByteArrayInputStream(in), DecodeMonitor.SILENT)
                .readAllBytes();
    }

    @Test
    void decodesEscapesSoftBreaksAndLineEndsAsMime4jDid() throws IOException {
        byte[] in = "Caf=C3=A9 au lait  \nsoft=\nbreak =3D ok=20\nbad =XY and =4\n==\nend =".getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(ours(in, 8192), StandardCharsets.UTF_8))
                .isEqualTo("Café au lait\r\nsoftbreak = ok \r\nbad =XY and =4\n=end =");
        assertThat(ours(in, 8192)).isEqualTo(mime4j(in));
    }

    /** A decoder sized for a short part (its smallest buffers) still decodes a long one whole. */
    @Test
    void buffersSizedForAShortPartDecodeALongerOneAlike() throws IOException {
        Random random = new Random(11);
        String[] pieces = {"=3D", "=c3=a9", "=\n", "text ", "  \n", "=", "x", "\t"};
        for (int round = 0; round < 500; round++) {
            StringBuilder s = new StringBuilder();
            for (int k = 20 + random.nextInt(400); k > 0; k--) s.append(pieces[random.nextInt(pieces.length)]);
            byte[] in = s.toString().getBytes(StandardCharsets.ISO_8859_1);
            for (int hint : new int[] {0, 64, in.length}) {
                byte[] sized = new QuotedPrintableInputStream(LongHeaderTest.trickling(in, 7), hint).readAllBytes();
                assertThat(sized).as("round %d, size hint %d", round, hint).isEqualTo(mime4j(in));
            }
        }
    }

    @Test
    void randomInputsDecodeToTheSameBytesInAnyReadSizes() throws IOException {
        Random random = new Random(5);
        String[] pieces = {"=", "==", "=\n", "= \n", "=\r\n", "=3D", "=c3=a9", "=4", "=G1", " ", "\t", "\n", "\r", "\r\n",
                "text", "x", "\u00e9", "=\t", "  \n", "=\r"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) s.append(pieces[random.nextInt(pieces.length)]);
            byte[] in = s.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] expected = mime4j(in);
            for (int chunk : new int[] {1, 2, 3, 5, 8192}) {
                assertThat(ours(in, chunk)).as("round %d chunk %d: %s", round, chunk, s).isEqualTo(expected);
            }
        }
    }
}
