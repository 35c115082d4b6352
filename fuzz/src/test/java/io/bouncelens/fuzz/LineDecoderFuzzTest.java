package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.decode.LineDecoder;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines of any bytes through one decoder, as `explain -` and `logs` read a stream: each gives a
 * line no longer in characters than it was in bytes, UTF-8 (without ISO-2022's escape) comes out
 * as it went in whatever the decoder learned before, and a whole text keeps its line ends.
 */
class LineDecoderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decodesAnyLinesAndLeavesUtf8AsItIs(FuzzedDataProvider data) {
        LineDecoder decoder = new LineDecoder();
        int lines = data.consumeInt(1, 8);
        for (int i = 0; i < lines; i++) {
            if (data.consumeBoolean()) {
                String text = data.consumeString(200).replace("\u001b", "");
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                assertThat(decoder.decode(utf8, 0, utf8.length)).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
            } else {
                byte[] line = data.consumeBytes(400);
                assertThat(decoder.decode(line, 0, line.length).length()).isLessThanOrEqualTo(line.length);
            }
        }
        byte[] rest = data.consumeRemainingAsBytes();
        String whole = LineDecoder.text(rest);
        assertThat(whole.chars().filter(c -> c == '\n').count()).isEqualTo(count(rest, (byte) '\n'));
        assertThat(whole.chars().filter(c -> c == '\r').count()).isEqualTo(count(rest, (byte) '\r'));
    }

    private static long count(byte[] bytes, byte b) {
        long n = 0;
        for (byte x : bytes) if (x == b) n++;
        return n;
    }
}
