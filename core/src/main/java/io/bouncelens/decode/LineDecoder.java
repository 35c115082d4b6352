package io.bouncelens.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the lines of one text stream (replies pasted into a file, a mail server's log) into
 * Unicode, whatever charset the stream is in. A line that is not UTF-8 is most often GBK or Big5
 * (a log exported on a Chinese Windows machine): one short line says too little for a charset
 * detector, so the stream's lines that are not UTF-8 are looked at together, and the multi-byte
 * charset found in them is kept for the lines after. Not thread-safe: one per stream.
 */
public final class LineDecoder {

    /** How much of the stream's non-UTF-8 text the detector looks at, at most. */
    static final int LEARNING_BYTES = 16 << 10;
    private static final byte ESC = 0x1B;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final Charset BIG5 = Charset.forName("Big5-HKSCS");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The multi-byte charset earlier lines were found in, or null. */
    private Charset learned;
    /** The stream's lines that were not UTF-8 so far, up to {@link #LEARNING_BYTES}. */
    private byte[] seen = new byte[0];

    /**
     * A whole text whose charset nobody said (an HTTP body without one): each line decoded as
     * {@link #decode} does, one decoder for all of them, the line ends kept as they were.
     */
    public static String text(byte[] bytes) {
        if (ByteScan.isAsciiWithout(bytes, 0, bytes.length, ESC)) return new String(bytes, StandardCharsets.ISO_8859_1);
        LineDecoder decoder = new LineDecoder();
        StringBuilder out = new StringBuilder(bytes.length);
        int start = 0;
        while (start < bytes.length) {
            int end = ByteScan.lineEnd(bytes, start, bytes.length);
            out.append(decoder.decode(bytes, start, end - start));
            if (end == bytes.length) break;
            out.append((char) bytes[end]); // the line end as it was: CR, LF, or CRLF below
            start = end + 1;
            if (bytes[end] == '\r' && start < bytes.length && bytes[start] == '\n') {
                out.append('\n');
                start++;
            }
        }
        return out.toString();
    }

    /** The line in {@code bytes[off, off + len)}, without its line end. */
    public String decode(byte[] bytes, int off, int len) {
        if (ByteScan.isAsciiWithout(bytes, off, off + len, ESC)) return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        if (Charsets.isAscii(bytes, off, len)) return Charsets.decode(bytes, off, len, null); // ISO-2022-JP's escapes
        String utf8 = strictly(bytes, off, len, StandardCharsets.UTF_8);
        if (utf8 != null) return utf8;
        if (learned != null) {
            String s = strictly(bytes, off, len, learned);
            if (s != null) return s;
        }
        // Multi-byte text has one byte of 0x80 or above after another; Latin-1 words ("trouvée")
        // rarely do, and are read as Windows-1252.
        if (!Charsets.hasAdjacentHighBytes(bytes, off, len)) return new String(bytes, off, len, WINDOWS_1252);
        Charset detected = learn(bytes, off, len);
        if (detected != null) {
            String s = strictly(bytes, off, len, detected);
            if (s != null) {
                learned = detected;
                return s;
            }
        }
        // Too little text for the detector. GBK is what such a line most often is here, and its
        // everyday characters are all in GB2312; Big5 bytes read as GBK land outside it as soon as
        // one character's second byte is below 0x80, so such a reading is Big5 after all.
        String gb = strictly(bytes, off, len, GB18030);
        if (gb != null && GB2312.newEncoder().canEncode(gb)) return gb;
        String big5 = strictly(bytes, off, len, BIG5);
        if (big5 != null) return big5;
        return gb != null ? gb : new String(bytes, off, len, WINDOWS_1252);
    }

    /** The multi-byte charset the detector finds in the non-UTF-8 lines so far, this one included; null if none. */
    private Charset learn(byte[] bytes, int off, int len) {
        if (seen.length >= LEARNING_BYTES) return null; // looked at enough: it said nothing
        int keep = Math.min(len, LEARNING_BYTES - seen.length);
        byte[] more = Arrays.copyOf(seen, seen.length + keep + 1);
        System.arraycopy(bytes, off, more, seen.length, keep);
        more[more.length - 1] = '\n';
        seen = more;
        Charset c = Charsets.detect(seen, 0, seen.length);
        return c != null && Charsets.isMultiByte(c) ? c : null;
    }

    private static String strictly(byte[] bytes, int off, int len, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
