package io.bouncelens.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches of byte arrays for line ends, eight bytes per step. Nearly every byte of every message
 * goes through one of these searches (splitting an mbox, undoing CRs, capping header fields), and
 * the launcher's C1 compiler turns a byte-at-a-time loop into a load, a compare and a branch per
 * byte. A byte equal to the sought one makes the word XOR the byte repeated have a zero byte, and
 * {@code (x - ONES) & ~x & HIGH_BITS} marks the lowest zero byte of {@code x} exactly (bytes above
 * it may be marked falsely, which the trailing-zero count ignores).
 */
public final class ByteScan {

    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LFS = ONES * '\n';
    private static final long CRS = ONES * '\r';

    private ByteScan() {
    }

    /** The index of the first LF in {@code b[from, to)}, or {@code to}. */
    public static int lf(byte[] b, int from, int to) {
        return indexOf(b, from, to, (byte) '\n');
    }

    /** The index of the first CR in {@code b[from, to)}, or {@code to}. */
    public static int cr(byte[] b, int from, int to) {
        return indexOf(b, from, to, (byte) '\r');
    }

    /** The index of the first {@code sought} in {@code b[from, to)}, or {@code to}. */
    public static int indexOf(byte[] b, int from, int to, byte sought) {
        long pattern = ONES * (sought & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) EIGHT_BYTES.get(b, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGH_BITS;
            if (found != 0) return i + firstMarkedByte(found);
        }
        while (i < to && b[i] != sought) i++;
        return i;
    }

    /**
     * Which byte (0 to 7, lowest first) holds the lowest set bit of {@code found}, a word whose set
     * bits are all byte high bits. {@link Long#numberOfTrailingZeros} gives it too, but the
     * launcher's C1 compiler makes a call of two dozen operations of it, once per line found:
     * here the lowest bit, isolated and moved to its byte's bottom, multiplies a constant whose
     * top byte then is that byte's number.
     */
    static int firstMarkedByte(long found) {
        return (int) ((((found & -found) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** True when every byte of {@code b[from, to)} is ASCII (below 0x80). */
    public static boolean isAscii(byte[] b, int from, int to) {
        int i = from;
        long high = 0;
        for (; i + 8 <= to; i += 8) high |= (long) EIGHT_BYTES.get(b, i);
        if ((high & HIGH_BITS) != 0) return false;
        for (; i < to; i++) if (b[i] < 0) return false;
        return true;
    }

    /**
     * True when every byte of {@code b[from, to)} is ASCII and none is {@code absent}: the two
     * questions asked of nearly every text part, answered in one pass.
     */
    public static boolean isAsciiWithout(byte[] b, int from, int to, byte absent) {
        long pattern = ONES * (absent & 0xFF);
        int i = from;
        long marks = 0;
        for (; i + 8 <= to; i += 8) {
            long word = (long) EIGHT_BYTES.get(b, i);
            long x = word ^ pattern;
            marks |= word | (x - ONES) & ~x; // a high bit: a byte above 0x7F, or the absent byte found
        }
        if ((marks & HIGH_BITS) != 0) return false;
        for (; i < to; i++) if (b[i] < 0 || b[i] == absent) return false;
        return true;
    }

    /** The index of the first LF or CR in {@code b[from, to)}, or {@code to}. */
    public static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) EIGHT_BYTES.get(b, i);
            long lf = word ^ LFS;
            long cr = word ^ CRS;
            long found = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGH_BITS;
            if (found != 0) return i + firstMarkedByte(found);
        }
        while (i < to && b[i] != '\n' && b[i] != '\r') i++;
        return i;
    }
}
