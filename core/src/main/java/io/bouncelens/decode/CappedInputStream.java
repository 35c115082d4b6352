package io.bouncelens.decode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Ends the stream after {@code cap} bytes and remembers that there was more. */
final class CappedInputStream extends FilterInputStream {

    private long left;
    private boolean exceeded;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        this.left = cap;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            if (!exceeded && in.read() >= 0) exceeded = true;
            return -1;
        }
        int c = in.read();
        if (c >= 0) left--;
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) return read();
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) left -= n;
        return n;
    }
}
