package io.bouncelens.cli;

import io.bouncelens.decode.LineDecoder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard input or a file read as lines of text, as {@code explain -} and {@code logs} take them:
 * one line handed on as soon as its end comes, in the charset it is in.
 */
final class TextLines {

    /** Longer input lines are cut here (the rest of the line is read and dropped) and still answered. */
    static final int MAX_LINE_CHARS = 64 * 1024;

    private TextLines() {
    }

    interface LineHandler {
        void line(String line) throws IOException;
    }

    /**
     * Reads lines in whatever charset they come in ({@link LineDecoder}: UTF-8, or a log in GBK or
     * Big5; a UTF-16 file is told by its byte order mark), keeps at most {@link #MAX_LINE_CHARS}
     * characters of each (binary input still gives one answer per line), and flushes the output
     * whenever the input has nothing more ready, so a pipeline sees answers as they come.
     */
    static void read(InputStream in, LineHandler handler, java.io.Flushable out,
                     java.util.function.BooleanSupplier outputGone) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n = in.read(buf);
        if (n <= 0) return;
        int from = 0;
        if (n >= 2 && ((buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE) || (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF))) {
            // UTF-16 (a file saved as "Unicode" on Windows): its lines are read as the UTF-8 they become
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(buf, 0, n), in);
            in = new Utf8Of(new InputStreamReader(whole, StandardCharsets.UTF_16));
            n = in.read(buf);
            if (n <= 0) return;
        }
        if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) from = 3; // UTF-8's mark
        LineDecoder decoder = new LineDecoder();
        // bytes of the current line; a line's end is found in the bytes (no charset puts CR or LF
        // inside a character but UTF-16), so each line is decoded whole
        byte[] line = new byte[256];
        int length = 0;
        boolean pendingCr = false;
        boolean any = false;
        do {
            for (int i = from; i < n; i++) {
                byte c = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') continue; // CRLF ends one line, not two
                }
                if (c == '\n' || c == '\r') {
                    handler.line(cut(decoder.decode(line, 0, length)));
                    length = 0;
                    any = false;
                    pendingCr = c == '\r';
                    continue;
                }
                any = true;
                if (length < MAX_LINE_BYTES) {
                    if (length == line.length) line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, length * 2));
                    line[length++] = c;
                }
            }
            from = 0;
            if (in.available() <= 0) out.flush();
            if (outputGone.getAsBoolean()) return;
        } while ((n = in.read(buf)) > 0);
        if (any) handler.line(cut(decoder.decode(line, 0, length)));
    }

    /** Bytes of a line kept: enough for {@link #MAX_LINE_CHARS} characters in any charset. */
    private static final int MAX_LINE_BYTES = 4 * MAX_LINE_CHARS;

    private static String cut(String line) {
        return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS);
    }

    /**
     * Characters read as UTF-8 bytes, so that text which comes as characters (a UTF-16 file) goes
     * through the same line splitting as bytes do. A high surrogate at the end of a read waits for
     * its pair, so no character is cut in two.
     */
    private static final class Utf8Of extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[1 << 14];
        private int kept; // a high surrogate left from the last read, at chars[0]
        private byte[] pending = new byte[0];
        private int pendingFrom;

        Utf8Of(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pendingFrom == pending.length) {
                int n = reader.read(chars, kept, chars.length - kept);
                if (n <= 0) {
                    if (kept == 0) return -1;
                    n = 0; // a lone high surrogate at the very end: encoded as the replacement it is
                }
                int end = kept + n;
                int upTo = n > 0 && Character.isHighSurrogate(chars[end - 1]) ? end - 1 : end;
                pending = new String(chars, 0, upTo).getBytes(StandardCharsets.UTF_8);
                pendingFrom = 0;
                kept = end - upTo;
                if (kept > 0) chars[0] = chars[end - 1];
            }
            int count = Math.min(len, pending.length - pendingFrom);
            System.arraycopy(pending, pendingFrom, b, off, count);
            pendingFrom += count;
            return count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int available() throws IOException {
            return pending.length - pendingFrom > 0 || reader.ready() ? 1 : 0;
        }
    }
}
