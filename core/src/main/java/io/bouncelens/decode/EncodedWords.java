package io.bouncelens.decode;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Header values to Unicode: raw 8-bit bytes (UTF-8 or detected), then RFC 2047 encoded words. */
public final class EncodedWords {

    private static final Map<Charset, Charset> SUPERSETS = new HashMap<>();

    static {
        for (String[] p : new String[][]{{"GB2312", "GB18030"}, {"GBK", "GB18030"}, {"Big5", "Big5-HKSCS"},
                {"EUC-KR", "x-windows-949"}, {"Shift_JIS", "windows-31j"}, {"ISO-8859-1", "windows-1252"},
                {"US-ASCII", "windows-1252"}}) {
            try {
                SUPERSETS.put(Charset.forName(p[0]), Charset.forName(p[1]));
            } catch (RuntimeException ignored) {
                // a JDK without the extended charsets decodes with the label as given
            }
        }
    }

    private EncodedWords() {
    }

    /** Decodes the raw bytes of a header value (after the colon), unfolds it and decodes its words. */
    public static String decodeRaw(byte[] raw, int off, int len) {
        int end = off + len;
        if (!ByteScan.isAscii(raw, off, end)) return decode(unfold(Charsets.decode(raw, off, len, null)));
        // ASCII (nearly every value) is unfolded and searched for words on the bytes
        String value = unfoldedAscii(raw, off, end);
        return hasWordStart(raw, off, end) ? decode(value) : value.trim();
    }

    private static String unfoldedAscii(byte[] raw, int off, int end) {
        int lineEnd = ByteScan.lineEnd(raw, off, end);
        if (lineEnd == end) return new String(raw, off, end - off, StandardCharsets.ISO_8859_1);
        byte[] unfolded = new byte[end - off];
        int n = 0;
        int run = off;
        while (true) {
            System.arraycopy(raw, run, unfolded, n, lineEnd - run);
            n += lineEnd - run;
            if (lineEnd == end) break;
            run = lineEnd + 1;
            lineEnd = ByteScan.lineEnd(raw, run, end);
        }
        return new String(unfolded, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** True when the bytes hold "=?", which starts every encoded word. */
    private static boolean hasWordStart(byte[] raw, int off, int end) {
        for (int i = ByteScan.indexOf(raw, off, end - 1, (byte) '='); i < end - 1;
                i = ByteScan.indexOf(raw, i + 1, end - 1, (byte) '=')) {
            if (raw[i + 1] == '?') return true;
        }
        return false;
    }

    /** Decodes RFC 2047 words in an already unfolded value; text that is no valid word stays. */
    public static String decode(String value) {
        if (value == null) return null;
        if (value.indexOf("=?") < 0) return value.trim();
        try {
            return DecoderUtil.decodeEncodedWords(inKnownCharsets(value), DecodeMonitor.SILENT, null, SUPERSETS).trim();
        } catch (RuntimeException e) {
            return value.trim();
        }
    }

    /**
     * The value with its words in a charset Java does not know ("unknown-8bit", which Mutt writes
     * for bytes it could not name, Python's "big5_tw") already decoded: their bytes are read in the
     * charset they are found to be in, as an unlabelled line is ({@link LineDecoder#text}). A run of
     * such words with only white space between is one text, so a character split between two words
     * stays whole. Words in known charsets are left to the RFC 2047 decoder.
     */
    static String inKnownCharsets(String value) {
        StringBuilder out = null;
        int copied = 0;
        ByteArrayOutputStream run = null; // bytes of the current run of unknown-charset words
        int runEnd = -1;
        for (int start = value.indexOf("=?"); start >= 0; ) {
            int q1 = value.indexOf('?', start + 2);
            if (q1 < 0 || q1 - start > 64 || q1 + 3 >= value.length() || value.charAt(q1 + 2) != '?') {
                start = value.indexOf("=?", start + 2);
                continue;
            }
            char encoding = Character.toUpperCase(value.charAt(q1 + 1));
            int end = value.indexOf("?=", q1 + 3);
            if (end < 0) break;
            String label = value.substring(start + 2, q1);
            int star = label.indexOf('*'); // RFC 2231's language: "utf-8*en"
            if (star >= 0) label = label.substring(0, star);
            byte[] bytes = (encoding == 'B' || encoding == 'Q') && !label.isEmpty() && Charsets.forLabel(label) == null
                    ? wordBytes(value.substring(q1 + 3, end), encoding) : null;
            if (bytes == null) {
                start = value.indexOf("=?", start + 2);
                continue;
            }
            if (out == null) out = new StringBuilder(value.length());
            // white space between two encoded words is no part of the text (RFC 2047 §6.2)
            boolean joined = run != null && value.substring(runEnd, start).isBlank();
            if (!joined) {
                flush(out, run);
                out.append(value, copied, start);
                run = new ByteArrayOutputStream();
            }
            run.writeBytes(bytes);
            runEnd = end + 2;
            copied = runEnd;
            start = value.indexOf("=?", runEnd);
        }
        if (out == null) return value;
        flush(out, run);
        return out.append(value, copied, value.length()).toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream run) {
        if (run != null && run.size() > 0) out.append(LineDecoder.text(run.toByteArray()));
    }

    /** The bytes a word's text stands for, or null when it is no valid B or Q text. */
    private static byte[] wordBytes(String text, char encoding) {
        if (encoding == 'B') {
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(text); // skips what is no base64
                return bytes.length == 0 && !text.isEmpty() ? null : bytes;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                b.write(' ');
            } else if (c == '=' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                b.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7F) {
                return null;
            } else {
                b.write(c);
            }
        }
        return b.toByteArray();
    }

    /** Removes the line breaks of folded lines (keeping the whitespace that follows them). */
    public static String unfold(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int run = 0; // start of the text since the last line break, appended as one piece
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                b.append(s, run, i);
                run = i + 1;
            }
        }
        return b.append(s, run, s.length()).toString();
    }
}
