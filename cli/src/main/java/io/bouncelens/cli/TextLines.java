package io.bouncelens.cli;

import io.bouncelens.decode.LineDecoder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;

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
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(buf, 0, n), in);
            readCharLines(new InputStreamReader(whole, java.nio.charset.StandardCharsets.UTF_16), handler, out, outputGone);
            return;
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

    /** {@link #read} for text that comes as characters (a UTF-16 file). */
    private static void readCharLines(Reader reader, LineHandler handler, java.io.Flushable out,
                                      java.util.function.BooleanSupplier outputGone) throws IOException {
        char[] buf = new char[1 << 16];
        StringBuilder line = new StringBuilder();
        boolean pendingCr = false;
        boolean any = false;
        int n;
        while ((n = reader.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') continue;
                }
                if (c == '\n' || c == '\r') {
                    handler.line(line.toString());
                    line.setLength(0);
                    any = false;
                    pendingCr = c == '\r';
                    continue;
                }
                any = true;
                if (line.length() < MAX_LINE_CHARS) line.append(c);
            }
            if (!reader.ready()) out.flush();
            if (outputGone.getAsBoolean()) return;
        }
        if (any) handler.line(line.toString());
    }
}
