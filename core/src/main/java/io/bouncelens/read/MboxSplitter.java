package io.bouncelens.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Splits an mbox into messages one at a time, holding only the current message (at most
 * {@code maxMessageBytes} of it: the rest is skipped up to the next separator). A message starts
 * at a {@code From } line that begins the file or follows an empty line; quoted {@code >From }
 * lines (mboxrd and mboxo) lose one {@code >}.
 */
public final class MboxSplitter implements Iterator<InputMessage> {

    private final LineReader lines;
    private final String file;
    private final long maxMessageBytes;
    private int index;
    private boolean atSeparator;
    private InputMessage next;
    private boolean finished;

    public MboxSplitter(InputStream in, String file, long maxMessageBytes) {
        this.lines = new LineReader(in);
        this.file = file;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) next = readNext();
        return next != null;
    }

    @Override
    public InputMessage next() {
        if (!hasNext()) throw new NoSuchElementException();
        InputMessage m = next;
        next = null;
        return m;
    }

    private InputMessage readNext() {
        try {
            if (!atSeparator) {
                // the first call: skip to the first From_ line (leading blank lines allowed)
                byte[] line;
                while ((line = lines.next()) != null && isBlank(line)) {
                    // nothing before the first message
                }
                if (line == null) {
                    finished = true;
                    return null;
                }
                if (!startsWithFrom(line, 0)) {
                    finished = true;
                    return null;
                }
                atSeparator = true;
            }
            ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
            boolean truncated = false;
            boolean previousBlank = false;
            byte[] pendingBlank = null;
            boolean sawAny = false;
            byte[] line;
            while ((line = lines.next()) != null) {
                if (previousBlank && startsWithFrom(line, 0)) break;
                sawAny = true;
                if (pendingBlank != null) {
                    truncated |= !append(message, pendingBlank, 0);
                    pendingBlank = null;
                }
                boolean blank = isBlank(line);
                if (blank) {
                    pendingBlank = line; // a blank line before a From_ line belongs to the separator
                } else {
                    int skip = isQuotedFrom(line) ? 1 : 0;
                    truncated |= !append(message, line, skip);
                }
                previousBlank = blank;
            }
            if (line == null) {
                finished = true;
                if (pendingBlank != null) append(message, pendingBlank, 0);
                if (!sawAny) return null;
            }
            index++;
            return new InputMessage(file, index, message.toByteArray(), truncated || lines.lineCut(), null);
        } catch (IOException e) {
            finished = true;
            index++;
            return new InputMessage(file, index, new byte[0], false, "read error: " + e.getMessage());
        }
    }

    private boolean append(ByteArrayOutputStream out, byte[] line, int skip) {
        int len = line.length - skip;
        if (out.size() + (long) len > maxMessageBytes) return false;
        out.write(line, skip, len);
        return true;
    }

    static boolean startsWithFrom(byte[] line, int off) {
        return line.length >= off + 5 && line[off] == 'F' && line[off + 1] == 'r' && line[off + 2] == 'o'
                && line[off + 3] == 'm' && line[off + 4] == ' ';
    }

    private static boolean isQuotedFrom(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] == '>') i++;
        return i > 0 && startsWithFrom(line, i);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) if (b != '\n' && b != '\r') return false;
        return true;
    }

    /** Lines with their line ends; an over-long line is cut into pieces (and remembered). */
    private static final class LineReader {
        private static final int MAX_LINE = 1 << 20;
        private final InputStream in;
        private final byte[] buf = new byte[64 << 10];
        private int pos;
        private int limit;
        private boolean cut;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean lineCut() {
            boolean c = cut;
            cut = false;
            return c;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                if (pos >= limit) {
                    int n = in.read(buf, 0, buf.length);
                    if (n < 0) return line == null ? null : line.toByteArray();
                    pos = 0;
                    limit = n;
                }
                int start = pos;
                while (pos < limit && buf[pos] != '\n') pos++;
                boolean end = pos < limit;
                if (end) pos++;
                if (line == null && end) {
                    byte[] out = new byte[pos - start];
                    System.arraycopy(buf, start, out, 0, out.length);
                    return out;
                }
                if (line == null) line = new ByteArrayOutputStream(256);
                line.write(buf, start, pos - start);
                if (end) return line.toByteArray();
                if (line.size() >= MAX_LINE) {
                    cut = true;
                    return line.toByteArray();
                }
            }
        }
    }
}
