package io.bouncelens.read;

import io.bouncelens.decode.ByteScan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
    private final MessageBytes message;
    private int index;
    private boolean atSeparator;
    private InputMessage next;
    private boolean finished;
    /**
     * Lines kept as they are (nearly all) are copied into the message in runs, not one by one:
     * {@code lines.buf[runStart, runEnd)}, copied before anything else is appended and before the
     * line reader moves its buffer.
     */
    private int runStart;
    private int runEnd = -1;
    /** A blank line held back: it belongs to the separator if a From_ line follows. */
    private byte[] blank = new byte[16];
    private int blankLength = -1;

    public MboxSplitter(InputStream in, String file, long maxMessageBytes) {
        this.lines = new LineReader(in, this::flushRun);
        this.file = file;
        this.message = new MessageBytes(maxMessageBytes);
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
                boolean more;
                while ((more = lines.next()) && lines.isBlank()) {
                    // nothing before the first message
                }
                if (!more || !lines.startsWithFrom(0)) {
                    finished = true;
                    return null;
                }
                atSeparator = true;
            }
            message.clear();
            boolean previousBlank = false;
            boolean sawAny = false;
            boolean more;
            while ((more = lines.next())) {
                if (previousBlank && lines.startsWithFrom(0)) break;
                sawAny = true;
                if (blankLength >= 0) { // the held blank line was the message's own
                    flushRun();
                    message.append(blank, 0, blankLength);
                    blankLength = -1;
                }
                previousBlank = lines.isBlank();
                if (previousBlank) {
                    flushRun();
                    holdBlank();
                } else if (lines.isQuotedFrom()) {
                    flushRun();
                    message.append(lines.buf, lines.start + 1, lines.end - lines.start - 1);
                } else if (lines.start == runEnd) {
                    runEnd = lines.end;
                } else {
                    flushRun();
                    runStart = lines.start;
                    runEnd = lines.end;
                }
            }
            flushRun();
            if (!more) {
                finished = true;
                if (blankLength >= 0) message.append(blank, 0, blankLength);
                if (!sawAny) return null;
            }
            blankLength = -1;
            index++;
            return new InputMessage(file, index, message.toByteArray(), message.full() || lines.lineCut(), null);
        } catch (IOException e) {
            finished = true;
            index++;
            return new InputMessage(file, index, new byte[0], false, "read error: " + e.getMessage());
        }
    }

    /** Copies the run of lines kept as they are into the message. */
    private void flushRun() {
        if (runEnd > runStart) message.append(lines.buf, runStart, runEnd - runStart);
        runStart = 0;
        runEnd = -1;
    }

    private void holdBlank() {
        int length = lines.end - lines.start;
        if (length > blank.length) blank = new byte[length];
        System.arraycopy(lines.buf, lines.start, blank, 0, length);
        blankLength = length;
    }

    static boolean startsWithFrom(byte[] line, int off) {
        return line.length >= off + 5 && startsWithFrom(line, off, line.length);
    }

    private static boolean startsWithFrom(byte[] b, int off, int end) {
        return end - off >= 5 && b[off] == 'F' && b[off + 1] == 'r' && b[off + 2] == 'o' && b[off + 3] == 'm'
                && b[off + 4] == ' ';
    }

    /**
     * The message being read, kept in one array reused from message to message (each message then
     * costs one copy of its bytes); holds at most {@code max} bytes, in whole lines: once a line
     * does not fit, nothing more is kept of the message.
     */
    private static final class MessageBytes {
        private final long max;
        private byte[] bytes = new byte[64 << 10];
        private int size;
        private boolean full;

        MessageBytes(long max) {
            this.max = max;
        }

        void clear() {
            size = 0;
            full = false;
        }

        /** Appends whole lines of {@code b[off, off + len)}: those that fit, once one does not, none. */
        void append(byte[] b, int off, int len) {
            if (full) return;
            if (size + (long) len > max) {
                full = true;
                // the lines that still fit: up to the last line end within the room left
                int room = (int) (max - size);
                int cut = room;
                while (cut > 0 && b[off + cut - 1] != '\n') cut--;
                len = cut;
            }
            if (size + len > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(size + len, bytes.length * 2));
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        /** True once some of the message was left out. */
        boolean full() {
            return full;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /**
     * Lines with their line ends, read in place: after {@link #next} the line is
     * {@code buf[start, end)}, valid until the next call. An over-long line is cut into pieces of
     * {@link #MAX_LINE} (and remembered), so a file without line ends cannot take unbounded memory.
     */
    private static final class LineReader {
        private static final int MAX_LINE = 1 << 20;
        private final InputStream in;
        /** Told before the buffer's bytes move: whoever holds offsets into it must be done with them. */
        private final Runnable beforeMove;
        byte[] buf = new byte[64 << 10];
        int start;
        int end;
        private int pos;   // the unread bytes are buf[pos, limit)
        private int limit;
        private boolean cut;

        LineReader(InputStream in, Runnable beforeMove) {
            this.in = in;
            this.beforeMove = beforeMove;
        }

        /** Moves to the next line; false at the end of the input. */
        boolean next() throws IOException {
            int scanFrom = pos;
            while (true) {
                int lf = ByteScan.lf(buf, scanFrom, limit);
                if (lf < limit) return take(lf + 1);
                int unread = limit - pos;
                if (unread >= MAX_LINE) {
                    cut = true;
                    return take(limit);
                }
                if (pos > 0) { // keep the line's start, make room behind it
                    beforeMove.run();
                    System.arraycopy(buf, pos, buf, 0, unread);
                    pos = 0;
                    limit = unread;
                }
                if (limit == buf.length) buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE));
                scanFrom = limit;
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) return unread > 0 && take(limit);
                limit += n;
            }
        }

        private boolean take(int lineEnd) {
            start = pos;
            end = lineEnd;
            pos = lineEnd;
            return true;
        }

        boolean lineCut() {
            boolean c = cut;
            cut = false;
            return c;
        }

        boolean startsWithFrom(int skip) {
            return MboxSplitter.startsWithFrom(buf, start + skip, end);
        }

        boolean isQuotedFrom() {
            int i = start;
            while (i < end && buf[i] == '>') i++;
            return i > start && MboxSplitter.startsWithFrom(buf, i, end);
        }

        boolean isBlank() {
            for (int i = start; i < end; i++) if (buf[i] != '\n' && buf[i] != '\r') return false;
            return true;
        }
    }
}
