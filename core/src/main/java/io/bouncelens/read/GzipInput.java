package io.bouncelens.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed file read as what it holds (rotated mailboxes are kept as {@code .mbox.gz}),
 * recognised by its first two bytes, not by its name. The JDK's inflater does the work; this
 * class only says in words a user understands what went wrong, since its messages ("Unexpected
 * end of ZLIB input stream") name neither the file's format nor the likely cause.
 */
public final class GzipInput extends FilterInputStream {

    private static final int BUFFER = 64 << 10;

    private GzipInput(InputStream inflated) {
        super(inflated);
    }

    /**
     * {@code in} as it is, or inflated when it starts with gzip's magic number: for readers of
     * other files than messages (logs), which rotated files come to compressed.
     */
    public static InputStream inflatedIfGzip(InputStream in) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, BUFFER);
        buffered.mark(2);
        byte[] head = buffered.readNBytes(2);
        buffered.reset();
        return isGzip(head) ? open(buffered) : buffered;
    }

    /** Whether {@code head} starts with gzip's magic number (RFC 1952 section 2.3.1). */
    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    /** The data {@code compressed} inflates to; reads gzip's header, so it fails on a damaged one. */
    static InputStream open(InputStream compressed) throws IOException {
        try {
            return new GzipInput(new GZIPInputStream(compressed, BUFFER));
        } catch (IOException e) {
            throw explained(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw explained(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw explained(e);
        }
    }

    /**
     * None known: a {@link java.io.BufferedInputStream} above keeps reading while some are, and
     * loses what it has read when a later read fails. Said this way, each read hands on what
     * inflated before a cut, and the messages in it are read.
     */
    @Override
    public int available() {
        return 0;
    }

    private static IOException explained(IOException e) {
        if (e instanceof EOFException) return new IOException("gzip data ends early (a cut-off .gz file?)", e);
        if (e instanceof ZipException) return new IOException("damaged gzip data: " + e.getMessage(), e);
        return e;
    }
}
