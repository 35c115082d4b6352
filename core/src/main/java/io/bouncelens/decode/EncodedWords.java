package io.bouncelens.decode;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT, null, SUPERSETS).trim();
        } catch (RuntimeException e) {
            return value.trim();
        }
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
