package io.bouncelens.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A message's bytes as the MIME parser reads them, made in one pass over the input:
 * <ul>
 * <li>at most {@code maxBytes} of it, remembering whether there was more;</li>
 * <li>CRLF and lone CR (old Mac files) turned into LF, so the parser and every scanner after it
 *     see one kind of line ending (bytes inside binary parts change too, which is harmless: their
 *     content is never read);</li>
 * <li>every header field cut to {@code maxFieldBytes}, dropping the rest of the field and
 *     remembering that it did: a 20 MB Subject keeps its start, costs no 20 MB strings, and the
 *     report after it is still read.</li>
 * </ul>
 * These were three stream layers, each touching every byte through its own read calls; in one
 * loop over an array, body lines (almost all bytes) are copied in bulk up to their line end.
 *
 * <p>Header blocks are where MIME puts them: at the start, and after a line beginning with
 * {@code --} (a boundary), up to the next blank line. A body line that merely starts with
 * {@code --} makes the lines up to the next blank line count as header lines; they are cut only
 * when a line (with the indented lines after it) is longer than the limit, which no text of a
 * report is.
 */
final class MessageBytes {

    private static final int CHUNK = 64 << 10;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int maxFieldBytes;
    private byte[] bytes;
    private int length;
    private long rawLength;
    private boolean exceeded;
    private boolean cut;
    private IOException error;

    // line-end state
    private boolean lastWasCr;
    // header-cap state
    private boolean inHeader = true;
    private int column;
    private int fieldBytes;
    private boolean dashDashLine;
    private boolean lineKept;

    private MessageBytes(int maxFieldBytes, int capacity) {
        this.maxFieldBytes = maxFieldBytes;
        this.bytes = new byte[capacity];
    }

    /**
     * The message in {@code whole}, used where it lies when nothing needs changing: shorter than a
     * header field may be and without a CR, as nearly every bounce is. The array is only read,
     * never written, so the caller's copy stays as it was. Otherwise read as {@link #read} does.
     * {@code lfOnly}: the caller knows there is no CR, which then is not searched for.
     */
    static MessageBytes of(byte[] whole, boolean lfOnly, long maxBytes, int maxFieldBytes) {
        if (whole.length <= Math.min(maxBytes, maxFieldBytes)
                && (lfOnly || ByteScan.cr(whole, 0, whole.length) == whole.length)) {
            MessageBytes m = new MessageBytes(maxFieldBytes, 0);
            m.bytes = whole;
            m.length = whole.length;
            m.rawLength = whole.length;
            return m;
        }
        return read(new ByteArrayInputStream(whole), maxBytes, maxFieldBytes);
    }

    /** Reads {@code in} to its end or to {@code maxBytes}; a read error ends the reading (see {@link #error()}). */
    static MessageBytes read(InputStream in, long maxBytes, int maxFieldBytes) {
        int expected;
        try {
            expected = in.available();
        } catch (IOException e) {
            expected = 0;
        }
        // the output is never longer than the input read: size the array for all of it when the stream says
        int capacity = (int) Math.min(maxBytes, Math.max(expected, 8192));
        MessageBytes m = new MessageBytes(maxFieldBytes, 0);
        // Most messages are shorter than one header field may be, so none of their fields can need
        // cutting; without a CR they are kept as read, with no pass over their lines.
        long probe = Math.min(maxBytes, maxFieldBytes) + 1L;
        byte[] head = new byte[(int) Math.min(probe, Math.max(expected + 1L, 4096))];
        int n = 0;
        try {
            while (n < probe) {
                if (n == head.length) head = Arrays.copyOf(head, (int) Math.min(Math.min(probe, MAX_ARRAY), head.length * 2L));
                int r = in.read(head, n, head.length - n);
                if (r < 0) break;
                n += r;
            }
        } catch (IOException e) {
            m.error = e;
        }
        if (n < probe && m.error == null && ByteScan.cr(head, 0, n) == n) {
            m.bytes = head;
            m.length = n;
            m.rawLength = n;
            return m;
        }
        m.bytes = new byte[Math.max(capacity, n)];
        int taken = (int) Math.min(n, maxBytes);
        long left = maxBytes - taken;
        m.rawLength = taken;
        m.append(head, taken);
        if (m.error != null || n < probe) return m; // a read error, or the end of the input
        try {
            byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(expected, 4096))];
            while (left > 0) {
                int r = in.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (r < 0) return m;
                left -= r;
                m.rawLength += r;
                m.append(chunk, r);
            }
            m.exceeded = n > taken || in.read() >= 0;
        } catch (IOException e) {
            m.error = e;
        }
        return m;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Bytes read from the input (before line ends and header fields were changed). */
    long rawLength() {
        return rawLength;
    }

    /** True when the input was longer than {@code maxBytes}: only its start is here. */
    boolean exceeded() {
        return exceeded;
    }

    /** True once a header field was cut. */
    boolean cut() {
        return cut;
    }

    /** The error that ended the reading early, or null. */
    IOException error() {
        return error;
    }

    private void append(byte[] b, int n) {
        if (length + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        byte[] out = bytes;
        int o = length;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (c == '\r') {
                c = '\n';
                lastWasCr = true;
            } else if (c == '\n' && lastWasCr) {
                lastWasCr = false; // the LF of a CRLF: its line end was written for the CR
                continue;
            } else {
                lastWasCr = false;
            }
            if (column >= 2 && c != '\n') {
                // past a line's first two bytes nothing but the field limit matters until the line
                // end: take the rest of the line in one step (body lines are all of it, kept whole)
                int end = ByteScan.lineEnd(b, i + 1, n);
                int run = end - i;
                int kept = inHeader ? (int) Math.min(run, Math.max(0L, (long) maxFieldBytes - fieldBytes)) : run;
                System.arraycopy(b, i, out, o, kept);
                o += kept;
                column += run;
                if (inHeader) fieldBytes += kept;
                if (kept > 0) lineKept = true;
                if (kept < run) cut = true;
                i = end - 1;
                continue;
            }
            if (keep(c)) out[o++] = c;
        }
        length = o;
    }

    /** Advances the header-cap state by one byte (line ends already LF); false when the byte is beyond its field's limit. */
    private boolean keep(byte c) {
        if (column == 0 && inHeader) {
            if (c == '\n') {
                inHeader = false; // the blank line ending the header block
                return true;
            }
            if (c != ' ' && c != '\t') fieldBytes = 0; // a new field; otherwise a continuation line
        }
        if (column == 0) dashDashLine = c == '-';
        else if (column == 1) dashDashLine &= c == '-';
        if (c == '\n') {
            // a continuation line dropped whole goes with its line end: a lone LF would be read
            // as the blank line that ends the header block
            boolean droppedWhole = inHeader && column > 0 && !lineKept;
            column = 0;
            lineKept = false;
            if (dashDashLine && !inHeader) inHeader = true; // a boundary: part headers follow
            if (inHeader) fieldBytes++;
            return !droppedWhole;
        }
        column++;
        if (inHeader && fieldBytes >= maxFieldBytes) {
            cut = true;
            return false;
        }
        if (inHeader) fieldBytes++;
        lineKept = true;
        return true;
    }
}
