package io.bouncelens.read;

import io.bouncelens.decode.ByteScan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The splitter as it was before it copied lines in runs: line by line, each line appended on its
 * own. Kept as the reference {@link MboxSplitterTest} compares the splitter with.
 */
final class LineByLineMboxSplitter implements Iterator<InputMessage> {

    private final LineReader lines;
    private final String file;
    private final MessageBytes message;
    private int index;
    private boolean atSeparator;
    private InputMessage next;
    private boolean finished;

    LineByLineMboxSplitter(InputStream in, String file, long maxMessageBytes) {
        this.lines = new LineReader(in);
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
            boolean truncated = false;
            boolean previousBlank = false;
            byte[] pendingBlank = null;
            boolean sawAny = false;
            boolean more;
            while ((more = lines.next())) {
                if (previousBlank && lines.startsWithFrom(0)) break;
                sawAny = true;
                if (pendingBlank != null) {
                    truncated |= !message.append(pendingBlank, 0, pendingBlank.length);
                    pendingBlank = null;
                }
                boolean blank = lines.isBlank();
                if (blank) {
                    pendingBlank = lines.copy(); // a blank line before a From_ line belongs to the separator
                } else {
                    int skip = lines.isQuotedFrom() ? 1 : 0;
                    truncated |= !message.append(lines.buf, lines.start + skip, lines.end - lines.start - skip);
                }
                previousBlank = blank;
            }
            if (!more) {
                finished = true;
                if (pendingBlank != null) message.append(pendingBlank, 0, pendingBlank.length);
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

    static boolean startsWithFrom(byte[] line, int off) {
        return line.length >= off + 5 && startsWithFrom(line, off, line.length);
    }

    private static boolean startsWithFrom(byte[] b, int off, int end) {
        return end - off >= 5 && b[off] == 'F' && b[off + 1] == 'r' && b[off + 2] == 'o' && b[off + 3] == 'm'
                && b[off + 4] == ' ';
    }

    /**
     * The message being read, kept in one array reused from message to message (each message then
     * costs one copy of its bytes); holds at most {@code max} bytes.
     */
    private static final class MessageBytes {
        private final long max;
        private byte[] bytes = new byte[64 << 10];
        private int size;

        MessageBytes(long max) {
            this.max = max;
        }

        void clear() {
            size = 0;
        }

        /** Appends, or returns false (appending nothing) when the message would exceed its limit. */
        boolean append(byte[] b, int off, int len) {
            if (size + (long) len > max) return false;
            if (size + len > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(size + len, bytes.length * 2));
            System.arraycopy(b, off, bytes, size, len);
            size += len;
            return true;
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
        byte[] buf = new byte[64 << 10];
        int start;
        int end;
        private int pos;   // the unread bytes are buf[pos, limit)
        private int limit;
        private boolean cut;

        LineReader(InputStream in) {
            this.in = in;
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
            return LineByLineMboxSplitter.startsWithFrom(buf, start + skip, end);
        }

        boolean isQuotedFrom() {
            int i = start;
            while (i < end && buf[i] == '>') i++;
            return i > start && LineByLineMboxSplitter.startsWithFrom(buf, i, end);
        }

        boolean isBlank() {
            for (int i = start; i < end; i++) if (buf[i] != '\n' && buf[i] != '\r') return false;
            return true;
        }

        byte[] copy() {
            return Arrays.copyOfRange(buf, start, end);
        }
    }
}
