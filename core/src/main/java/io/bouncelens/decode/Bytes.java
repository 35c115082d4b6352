package io.bouncelens.decode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Bytes read from a stream up to a bound, and whether more were left unread. */
record Bytes(byte[] bytes, int length, boolean more) {

    /**
     * Reads at most {@code max} bytes, the rest of the stream left for the caller to skip, into a
     * buffer sized for {@code expected} bytes (one more, so that reading exactly that many ends
     * without growing it).
     */
    static Bytes read(InputStream in, int max, int expected) throws IOException {
        byte[] buf = new byte[(int) Math.min(max, Math.max(16, expected + 1L))];
        int n = 0;
        while (n < max) {
            if (n == buf.length) buf = Arrays.copyOf(buf, (int) Math.min((long) max, buf.length * 2L));
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) return new Bytes(buf, n, false);
            n += r;
        }
        return new Bytes(buf, n, in.read() >= 0);
    }
}
