package io.bouncelens.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns CRLF and lone CR (old Mac files) into LF. The mbox splitter once read through this stream;
 * it now normalises line ends itself, and its tests compare it with the line-by-line splitter
 * reading through this one.
 */
public final class LineEndingInputStream extends InputStream {

    private final InputStream in;
    private final byte[] buf = new byte[16 << 10];
    private int pos;
    private int limit;
    private boolean lastWasCr;

    public LineEndingInputStream(InputStream in) {
        this.in = in;
    }

    private boolean fill() throws IOException {
        while (pos >= limit) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) return false;
            pos = 0;
            limit = n;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        while (true) {
            if (!fill()) return -1;
            byte c = buf[pos++];
            if (c == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = c == '\r';
            return lastWasCr ? '\n' : c & 0xFF;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = 0;
        while (n < len && pos < limit) {
            if (lastWasCr && buf[pos] == '\n') {
                pos++;
                lastWasCr = false;
                continue;
            }
            // most input has no CR at all: copy the run up to the next one in bulk
            int end = Math.min(limit, pos + len - n);
            int cr = ByteScan.cr(buf, pos, end);
            System.arraycopy(buf, pos, b, off + n, cr - pos);
            n += cr - pos;
            lastWasCr = cr < end;
            if (lastWasCr) b[off + n++] = '\n';
            pos = lastWasCr ? cr + 1 : cr;
        }
        return n == 0 ? read(b, off, len) : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
