package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class ByteScanTest {

    interface Search {
        int find(byte[] b, int from, int to);
    }

    @Test
    void eachSearchFindsTheFirstSoughtByteWhereverItIsInAWord() {
        check(ByteScan::lf, c -> c == '\n');
        check(ByteScan::cr, c -> c == '\r');
        check(ByteScan::lineEnd, c -> c == '\n' || c == '\r');
        check((b, from, to) -> ByteScan.indexOf(b, from, to, (byte) 0x1B), c -> c == 0x1B);
    }

    @Test
    void bytesWithTheHighBitSetAreNotTakenForLineEnds() {
        byte[] b = new byte[24];
        java.util.Arrays.fill(b, (byte) 0x8A); // 0x0A with the high bit set
        b[17] = '\n';
        assertThat(ByteScan.lf(b, 0, b.length)).isEqualTo(17);
        assertThat(ByteScan.lineEnd(b, 0, b.length)).isEqualTo(17);
        assertThat(ByteScan.cr(b, 0, b.length)).isEqualTo(b.length);
    }

    @Test
    void asciiIsEveryByteBelow0x80WhereverTheOtherOneIs() {
        for (int length = 0; length < 20; length++) {
            byte[] b = new byte[length];
            java.util.Arrays.fill(b, (byte) 'a');
            assertThat(ByteScan.isAscii(b, 0, length)).isTrue();
            for (int at = 0; at < length; at++) {
                b[at] = (byte) 0xE4;
                assertThat(ByteScan.isAscii(b, 0, length)).as("non-ASCII at %d of %d", at, length).isFalse();
                assertThat(ByteScan.isAscii(b, at + 1, length)).as("after it").isTrue();
                b[at] = 'a';
            }
        }
    }

    @Test
    void theFirstMarkedByteIsTheLowestWhateverIsMarkedAboveIt() {
        for (int first = 0; first < 8; first++) {
            for (int above = 0; above < 256; above++) {
                long found = 0x80L << (8 * first);
                for (int k = first + 1; k < 8; k++) if ((above >>> k & 1) != 0) found |= 0x80L << (8 * k);
                assertThat(ByteScan.firstMarkedByte(found)).as("%x", found).isEqualTo(first);
            }
        }
    }

    @Test
    void asciiWithoutAByteIsFalseForAnyHighByteOrThatByteAnywhere() {
        Random random = new Random(9);
        byte[] alphabet = {'a', ' ', 0x1B, 0x1A, 0x1C, (byte) 0x9B, (byte) 0x80, (byte) 0xFF, 0x7F, 0};
        for (int round = 0; round < 5000; round++) {
            byte[] b = new byte[random.nextInt(30)];
            for (int i = 0; i < b.length; i++) b[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'a';
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            boolean expected = true;
            for (int i = from; i < to; i++) if (b[i] < 0 || b[i] == 0x1B) expected = false;
            assertThat(ByteScan.isAsciiWithout(b, from, to, (byte) 0x1B)).as("round %d", round).isEqualTo(expected);
        }
    }

    private static void check(Search search, IntPredicate sought) {
        Random random = new Random(3);
        for (int round = 0; round < 3000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) b[i] = (byte) random.nextInt(256);
            for (int i = 0; i < b.length; i++) if (b[i] == '\n' || b[i] == '\r' || b[i] == 0x1B) b[i] = 'x';
            for (int k = 0; k < 2; k++) {
                if (b.length > 0 && random.nextBoolean()) b[random.nextInt(b.length)] = new byte[] {'\n', '\r', 0x1B}[random.nextInt(3)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            int expected = from;
            while (expected < to && !sought.test(b[expected])) expected++;
            assertThat(search.find(b, from, to)).as("round %d", round).isEqualTo(expected);
        }
    }
}
