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
        int prev = '\n';
        boolean leading = true;
        while (n < max) {
            int r = in.read(block, 0, block.length);
            if (r < 0) break;
            int i = 0;
            boolean done = false;
            for (; i < r && n < max; i++) {
                byte c = block[i];
                if (leading && (c == '\n' || c == ' ' || c == '\t')) continue; // blank lines before the headers
                leading = false;
                if (n == buf.length) buf = Arrays.copyOf(buf, (int) Math.min((long) max, buf.length * 2L));
                buf[n++] = c;
                if (c == '\n' && prev == '\n') {
                    done = true;
                    i++;
                    break;
                }
                prev = c;
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

    /** The part from its header block on: these bytes, then the rest of {@code in}. */
    InputStream andRest(InputStream in) {
        return new SequenceInputStream(new ByteArrayInputStream(bytes, 0, end), in);
    }
}
