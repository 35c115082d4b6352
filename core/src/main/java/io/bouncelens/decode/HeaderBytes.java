package io.bouncelens.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * The header block at the start of a part (the returned original): up to and including the first
 * empty line (LF line ends), blank lines before it skipped, at most {@code max} bytes. Read in
 * blocks, not a byte at a time through the parser's streams; what was read past the block stays
 * after it ({@code bytes[length, end)}) so the part can still be read whole ({@link #andRest}).
 */
record HeaderBytes(byte[] bytes, int length, int end) {

    private static final int BLOCK = 4096;

    static HeaderBytes read(InputStream in, int max) throws IOException {
        byte[] buf = new byte[Math.min(max, BLOCK)];
        byte[] block = new byte[BLOCK];
        int n = 0;
        boolean leading = true;
        while (n < max) {
            int r = in.read(block, 0, block.length);
            if (r < 0) break;
            int i = 0;
            if (leading) { // blank lines before the headers
                while (i < r && (block[i] == '\n' || block[i] == ' ' || block[i] == '\t')) i++;
                leading = i == r;
            }
            boolean done = false;
            while (i < r && n < max) {
                // a line (or what of it this block holds) at a time, up to and including its LF
                int lf = ByteScan.lf(block, i, r);
                int take = Math.min((lf < r ? lf + 1 : r) - i, max - n);
                if (n + take > buf.length) buf = Arrays.copyOf(buf, (int) Math.min((long) max, Math.max(n + take, buf.length * 2L)));
                System.arraycopy(block, i, buf, n, take);
                n += take;
                i += take;
                if (n >= 2 && buf[n - 1] == '\n' && buf[n - 2] == '\n') { // the empty line ending the block
                    done = true;
                    break;
                }
            }
            if (done || n >= max) {
                // keep the bytes of this block past the header block for whoever reads the part whole
                int extra = r - i;
                if (n + extra > buf.length) buf = Arrays.copyOf(buf, n + extra);
                System.arraycopy(block, i, buf, n, extra);
                return new HeaderBytes(buf, n, n + extra);
            }
        }
        return new HeaderBytes(buf, n, n);
    }

    /**
     * Where the header block of the part in {@code b[from, to)} lies, found in place (a part
     * without transfer encoding needs no stream): from its first byte that is not a blank line
     * or blank, to the end of its empty line, at most {@code max} bytes. Returns {start, end}.
     */
    static int[] within(byte[] b, int from, int to, int max) {
        int start = from;
        while (start < to && (b[start] == '\n' || b[start] == ' ' || b[start] == '\t')) start++;
        int limit = (int) Math.min(to, (long) start + max);
        int i = start;
        while (true) {
            int lf = ByteScan.lf(b, i, limit);
            if (lf >= limit) return new int[] {start, limit};
            if (lf + 1 < limit && b[lf + 1] == '\n') return new int[] {start, lf + 2};
            i = lf + 1;
        }
    }

    /** The part from its header block on: these bytes, then the rest of {@code in}. */
    InputStream andRest(InputStream in) {
        return new SequenceInputStream(new ByteArrayInputStream(bytes, 0, end), in);
    }
}
