package io.bouncelens.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts every header field to {@code maxFieldBytes} before the MIME parser sees it, dropping the
 * rest of the field and remembering that it did. mime4j's own header limit ends the whole parse
 * with an exception, which would lose a report that follows a 20 MB Subject; cut here, the field
 * keeps its start and the parse goes on. Expects LF line ends ({@link LineEndingInputStream}).
 *
 * <p>Header blocks are where MIME puts them: at the start, and after a line beginning with
 * {@code --} (a boundary), up to the next blank line. A body line that merely starts with
 * {@code --} makes the lines up to the next blank line count as header lines; they are cut only
 * when a line (with the indented lines after it) is longer than the limit, which no text of a
 * report is.
 */
final class HeaderFieldCap extends InputStream {

    private final InputStream in;
    private final int maxFieldBytes;
    private final byte[] one = new byte[1];
    private boolean inHeader = true;
    private int column;
    private int fieldBytes;
    private boolean dashDashLine;
    private boolean lineKept;
    private boolean cut;

    HeaderFieldCap(InputStream in, int maxFieldBytes) {
        this.in = in;
        this.maxFieldBytes = maxFieldBytes;
    }

    /** True once a header field was cut. */
    boolean cut() {
        return cut;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            int n = in.read(b, off, len);
            if (n < 0) return -1;
            int kept = 0;
            for (int i = 0; i < n; i++) {
                byte c = b[off + i];
                if (!inHeader && column >= 2 && c != '\n') {
                    // a body line past its first two bytes is kept whole: move on to its end at once
                    int end = i;
                    while (end < n && b[off + end] != '\n') end++;
                    if (kept != i) System.arraycopy(b, off + i, b, off + kept, end - i);
                    kept += end - i;
                    column += end - i;
                    lineKept = true;
                    i = end - 1;
                    continue;
                }
                if (keep(c)) b[off + kept++] = c;
            }
            if (kept > 0) return kept;
        }
    }

    /** Advances the line state by one byte; false when the byte is beyond its field's limit. */
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}
