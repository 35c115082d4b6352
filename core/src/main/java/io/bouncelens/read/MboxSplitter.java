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
 * lines (mboxrd and mboxo) lose one {@code >}. CRLF and lone CR (old Mac mailboxes) become LF,
 * so every message handed out has LF line ends only ({@link InputMessage#lfOnly()}).
 *
 * <p>One buffer holds the message being read and the input after it, and the message is built
 * where it was read: a line kept as it is (nearly all of them) is not copied at all, a changed
 * one (a line end, an unquoted From) moves down over the bytes it lost. Each message is then
 * copied once, into the array handed out. (Before, a line-end stream, the line reader and the
 * message each had their own buffer: four copies of every byte and two searches of it.)
 */
public final class MboxSplitter implements Iterator<InputMessage> {

    /** A longer stretch without a line end is taken in pieces of this size (and the message marked). */
    private static final int MAX_LINE = 1 << 20;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final InputStream in;
    private final String file;
    private final long maxMessageBytes;
    /** How long a live input must stay quiet after a blank line for the message to end there; 0: never. */
    private final long pauseNanos;
    private int index;
    private boolean atSeparator;
    /** The last message ended at a pause, so its separator's From line has not been read yet. */
    private boolean separatorUnread;
    private InputMessage next;
    private boolean finished;

    /**
     * {@code buf[messageStart, write)} is the message so far, {@code buf[pos, limit)} the input not
     * yet read; the bytes between are what the message's lines lost (CRs, quoting marks).
     */
    private byte[] buf = new byte[64 << 10];
    private int messageStart;
    private int write;
    private int pos;
    private int limit;
    private boolean endOfInput;

    /** The current line: {@code buf[lineStart, lineEnd)}, its line end already a single LF. */
    private int lineStart;
    private int lineEnd;
    /** Whether a line was taken in pieces since the last message was handed out. */
    private boolean lineCut;

    public MboxSplitter(InputStream in, String file, long maxMessageBytes) {
        this(in, file, maxMessageBytes, 0);
    }

    /**
     * A splitter for a live input ({@code tail -F /var/mail/bounces | bouncelens diagnose -}),
     * where the next message's From line may come hours later: a message also ends where the input
     * stays quiet for {@code pauseNanos} just after a blank line, as every mbox writer ends a
     * message. (Quiet right after a blank line inside a message, a writer stalled mid-message, would
     * cut it there; the rest is then read as a message of its own.)
     */
    public MboxSplitter(InputStream in, String file, long maxMessageBytes, long pauseNanos) {
        this.in = in;
        this.file = file;
        this.maxMessageBytes = maxMessageBytes;
        this.pauseNanos = pauseNanos;
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
                while ((more = nextLine()) && isBlank()) {
                    // nothing before the first message
                }
                if (!more || !startsWithFrom(buf, lineStart, lineEnd)) {
                    finished = true;
                    return null;
                }
                atSeparator = true;
            }
            messageStart = pos;
            write = pos;
            // the line after a pause: the next message's From line (after any blank lines: some
            // writers put one before each From line too), or (a writer that stalled mid-message)
            // the first line of what is left, read as a message of its own
            boolean haveLine = false;
            if (separatorUnread) {
                separatorUnread = false;
                boolean more;
                while ((more = nextLine()) && isBlank()) {
                    // the separator's own blank lines
                }
                if (!more) {
                    finished = true;
                    return null;
                }
                if (startsWithFrom(buf, lineStart, lineEnd)) {
                    messageStart = pos;
                    write = pos;
                } else {
                    messageStart = lineStart;
                    write = lineStart;
                    haveLine = true;
                }
            }
            boolean full = false;
            boolean previousBlank = false;
            // the message's length if the blank line just kept turns out to belong to a separator
            // (a length, not a position: reading the next line may move the message)
            int beforeBlank = -1;
            boolean blankDidNotFit = false;
            boolean sawAny = false;
            // the message once full, copied out so that the buffer need not keep (and move) it
            byte[] detached = null;
            boolean more;
            while (true) {
                if (haveLine) {
                    haveLine = false;
                } else if (previousBlank && pauseNanos > 0 && pos == limit && !endOfInput
                        && InputQuiet.staysQuiet(in, pauseNanos)) {
                    separatorUnread = true; // ends as at a From line, which is still to come
                    more = true;
                    break;
                } else if (!(more = nextLine())) {
                    break;
                }
                if (previousBlank && startsWithFrom(buf, lineStart, lineEnd)) {
                    more = true;
                    break;
                }
                sawAny = true;
                if (blankDidNotFit) { // the blank line was the message's own, and is missing
                    full = true;
                    detached = detach();
                }
                beforeBlank = -1;
                blankDidNotFit = false;
                previousBlank = isBlank();
                int from = isQuotedFrom() ? lineStart + 1 : lineStart;
                if (full) continue;
                if ((long) write - messageStart + lineEnd - from > maxMessageBytes) {
                    if (previousBlank) {
                        blankDidNotFit = true;
                    } else {
                        full = true;
                        detached = detach();
                    }
                    continue;
                }
                if (previousBlank) beforeBlank = write - messageStart;
                if (write != from) System.arraycopy(buf, from, buf, write, lineEnd - from);
                write += lineEnd - from;
            }
            int end = more && beforeBlank >= 0 ? messageStart + beforeBlank : write;
            if (!more) {
                finished = true;
                if (!sawAny) return null;
                if (blankDidNotFit) full = true; // no separator followed: the blank line was the message's
            }
            index++;
            boolean truncated = full || lineCut;
            lineCut = false;
            byte[] bytes = detached != null ? detached : Arrays.copyOfRange(buf, messageStart, end);
            return new InputMessage(file, index, bytes, truncated, null, true);
        } catch (IOException e) {
            finished = true;
            index++;
            return new InputMessage(file, index, new byte[0], false, "read error: " + e.getMessage());
        }
    }

    /**
     * Moves to the next line, turning its CRLF or CR into LF in place; false at the end of the
     * input. The line is {@code buf[lineStart, lineEnd)} until the next call.
     */
    private boolean nextLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            int scanTo = (int) Math.min(limit, (long) pos + MAX_LINE);
            int at = ByteScan.lineEnd(buf, scanFrom, scanTo);
            if (at < scanTo) {
                if (buf[at] == '\n') return take(at + 1, at + 1);
                // a CR: whether an LF follows is known once the next byte is read
                if (at + 1 < limit) return take(at + 1, buf[at + 1] == '\n' ? at + 2 : at + 1, at);
                if (endOfInput) return take(at + 1, at + 1, at);
                scanFrom = at;
            } else {
                scanFrom = scanTo;
            }
            if (scanFrom - pos >= MAX_LINE) { // no line end for a megabyte: take that as a piece
                lineCut = true;
                return take(scanFrom, scanFrom);
            }
            if (endOfInput) return limit > pos && take(limit, limit);
            scanFrom -= fill();
        }
    }

    /** The current line ends at {@code lineEnd}, the next starts at {@code nextPos}; {@code cr} becomes an LF. */
    private boolean take(int lineEnd, int nextPos, int cr) {
        buf[cr] = '\n';
        return take(lineEnd, nextPos);
    }

    private boolean take(int lineEnd, int nextPos) {
        this.lineStart = pos;
        this.lineEnd = lineEnd;
        pos = nextPos;
        return true;
    }

    /** The message so far, copied out of the buffer; from here on the buffer holds none of it. */
    private byte[] detach() {
        byte[] message = Arrays.copyOfRange(buf, messageStart, write);
        messageStart = pos;
        write = pos;
        return message;
    }

    /**
     * Reads more input behind {@code limit}. When less than a quarter of the buffer is left, the
     * message and the unread bytes first move to the buffer's start (closing the gap between
     * them), and the buffer doubles when they still fill half of it: so at least a quarter of the
     * buffer is read between two moves, each at most half of it, and a message read in small
     * pieces (a pipe) costs time linear in its length. Returns how far the unread bytes moved down.
     */
    private int fill() throws IOException {
        int moved = 0;
        if (buf.length - limit < buf.length / 4) {
            int kept = write - messageStart;
            int unread = limit - pos;
            moved = pos - kept;
            if (moved > 0) {
                System.arraycopy(buf, messageStart, buf, 0, kept);
                System.arraycopy(buf, pos, buf, kept, unread);
                messageStart = 0;
                write = kept;
                pos = kept;
                limit = kept + unread;
            }
            // The message is at most maxMessageBytes and the unread bytes at most MAX_LINE, so a
            // buffer of the cap always has room left to read into.
            long cap = Math.min(MAX_ARRAY, Math.min(maxMessageBytes, MAX_ARRAY) + 2L * MAX_LINE);
            if (limit > buf.length / 2 && buf.length < cap) {
                buf = Arrays.copyOf(buf, (int) Math.min(cap, buf.length * 2L));
            }
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) endOfInput = true;
        else limit += n;
        return moved;
    }

    static boolean startsWithFrom(byte[] line, int off) {
        return line.length >= off + 5 && startsWithFrom(line, off, line.length);
    }

    private static boolean startsWithFrom(byte[] b, int off, int end) {
        return end - off >= 5 && b[off] == 'F' && b[off + 1] == 'r' && b[off + 2] == 'o' && b[off + 3] == 'm'
                && b[off + 4] == ' ';
    }

    private boolean isQuotedFrom() {
        int i = lineStart;
        while (i < lineEnd && buf[i] == '>') i++;
        return i > lineStart && startsWithFrom(buf, i, lineEnd);
    }

    private boolean isBlank() {
        return lineEnd - lineStart == 1 && buf[lineStart] == '\n';
    }
}
