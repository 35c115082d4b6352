package io.bouncelens.decode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Quoted-printable decoding (RFC 2045 §6.7) of a part body, decoding exactly as mime4j's decoder
 * did before it (same bytes out for the same bytes in, every oddity of real mail included), but in
 * bulk: a block of encoded bytes at a time in one loop, instead of a method call and a listener
 * notice per byte and per line (10% of decoding a report went there). Like mime4j's, it writes
 * each line end as CRLF, drops blanks before a line end, reads {@code =} followed by blanks and a
 * line end as a soft break, and leaves a malformed {@code =XY} as it is.
 */
final class QuotedPrintableInputStream extends InputStream {

    private static final int BLOCK = 8192;
    /** Bytes an '=' needs after it before it can be decoded: "==" looks two further. */
    private static final int LOOKAHEAD = 3;

    /** {@link Character#isWhitespace(int)} of each byte value, looked up once: it is asked of nearly every byte. */
    private static final boolean[] BLANK = new boolean[256];
    /** Bytes that are simply copied: not '=', not a blank, not a line end. */
    private static final boolean[] PLAIN = new boolean[256];
    /** Blanks other than line ends: held back until text follows, copied at once when it does. */
    private static final boolean[] SPACE = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            BLANK[b] = Character.isWhitespace(b);
            PLAIN[b] = !BLANK[b] && b != '=' && b != '\r' && b != '\n';
            SPACE[b] = BLANK[b] && b != '\r' && b != '\n';
        }
    }

    private final InputStream in;
    private final byte[] encoded;
    private int pos;
    private int limit;
    private boolean eof;

    private byte[] decoded;
    private int outPos;
    private int outLimit;

    /** Blank bytes seen since the last other byte: written when text follows, dropped at a line end. */
    private byte[] blanks = new byte[16];
    private int blankCount;
    private boolean lastWasCr;
    private final byte[] one = new byte[1];

    QuotedPrintableInputStream(InputStream in) {
        this(in, BLOCK);
    }

    /**
     * A decoder for a stream of about {@code expectedBytes}: a short part (most are) gets buffers
     * its size instead of 24 KB, allocated and zeroed for every part.
     */
    QuotedPrintableInputStream(InputStream in, int expectedBytes) {
        this.in = in;
        int block = Math.max(64, Math.min(BLOCK, expectedBytes));
        this.encoded = new byte[block];
        this.decoded = new byte[2 * block];
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (outPos == outLimit) {
            if (!decodeBlock()) return -1;
        }
        int n = Math.min(len, outLimit - outPos);
        System.arraycopy(decoded, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Decodes the next block of encoded bytes into {@link #decoded}; false at the end of the input. */
    private boolean decodeBlock() throws IOException {
        outPos = 0;
        outLimit = 0;
        if (limit - pos < LOOKAHEAD + 1 && !eof) fill();
        if (pos == limit) return false;
        while (pos < limit) {
            if (blankCount == 0 && !lastWasCr) copyPlainRun();
            if (pos == limit) break;
            int b = encoded[pos] & 0xFF;
            if (b == '=' && limit - pos <= LOOKAHEAD && !eof) break; // decoded with the next block
            pos++;
            step(b);
        }
        return true;
    }

    /**
     * Copies the run of plain bytes at {@link #pos} (most of a text) in one step, with the single
     * blanks between words in it: a blank followed by plain text is written whatever comes next.
     */
    private void copyPlainRun() {
        int end = pos;
        while (end < limit) {
            int b = encoded[end] & 0xFF;
            if (PLAIN[b]) {
                end++;
            } else if (SPACE[b] && end + 1 < limit && PLAIN[encoded[end + 1] & 0xFF]) {
                end += 2;
            } else {
                break;
            }
        }
        int n = end - pos;
        if (n == 0) return;
        if (outLimit + n > decoded.length) decoded = Arrays.copyOf(decoded, Math.max(outLimit + n, decoded.length * 2));
        System.arraycopy(encoded, pos, decoded, outLimit, n);
        outLimit += n;
        pos = end;
    }

    private void fill() throws IOException {
        System.arraycopy(encoded, pos, encoded, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < encoded.length && !eof) {
            int n = in.read(encoded, limit, encoded.length - limit);
            if (n < 0) eof = true;
            else limit += n;
        }
    }

    private void step(int b) {
        if (lastWasCr && b != '\n') write(13);
        if (b == '\r') {
            lastWasCr = true;
            return;
        }
        lastWasCr = false;
        if (b == '\n') {
            // a hard line break, unless the blanks before it start with '=' (a soft break)
            if (blankCount == 0 || blanks[0] != '=') {
                write('\r');
                write('\n');
            }
            blankCount = 0;
        } else if (b == '=') {
            int b2 = next();
            if (b2 == '=') {
                writeText('=');
                int bb1 = peek(0);
                int bb2 = peek(1);
                if (bb1 == '\n' || (bb1 == '\r' && bb2 == '\n')) blank('=');
            } else if (b2 >= 0 && BLANK[b2]) {
                if (peek(0) == '\n') lastWasCr = b2 == '\r';
                writeBlanks();
                if (b2 == '\n') return; // "=\n": a soft line break
                blank('=');
                blank(b2);
            } else {
                int b3 = next();
                int high = hex(b2);
                int low = hex(b3);
                if (high < 0 || low < 0) {
                    writeText('=');
                    if (b2 >= 0) write(b2);
                    if (b3 >= 0) write(b3);
                } else {
                    writeText(high << 4 | low);
                }
            }
        } else if (BLANK[b]) {
            blank(b);
        } else {
            writeText(b);
        }
    }

    private int next() {
        return pos < limit ? encoded[pos++] & 0xFF : -1;
    }

    private int peek(int i) {
        return pos + i < limit ? encoded[pos + i] & 0xFF : -1;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    private void blank(int b) {
        if (blankCount == blanks.length) blanks = Arrays.copyOf(blanks, blankCount * 2);
        blanks[blankCount++] = (byte) b;
    }

    /** Text follows the blanks: they were part of it. */
    private void writeBlanks() {
        for (int i = 0; i < blankCount; i++) write(blanks[i]);
        blankCount = 0;
    }

    private void writeText(int b) {
        writeBlanks();
        write(b);
    }

    private void write(int b) {
        if (outLimit == decoded.length) decoded = Arrays.copyOf(decoded, decoded.length * 2);
        decoded[outLimit++] = (byte) b;
    }
}
