package io.bouncelens.decode;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import java.nio.charset.Charset;
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
        // ASCII (nearly every value) is unfolded on the bytes, with no string in between
        if (Charsets.isAscii(raw, off, len)) return decode(unfoldedAscii(raw, off, len));
        return decode(unfold(Charsets.decode(raw, off, len, null)));
    }

    private static String unfoldedAscii(byte[] raw, int off, int len) {
        int breaks = 0;
        for (int i = off, end = off + len; i < end; i++) if (raw[i] == '\r' || raw[i] == '\n') breaks++;
        if (breaks == 0) return new String(raw, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] unfolded = new byte[len - breaks];
        int n = 0;
        for (int i = off, end = off + len; i < end; i++) if (raw[i] != '\r' && raw[i] != '\n') unfolded[n++] = raw[i];
        return new String(unfolded, java.nio.charset.StandardCharsets.ISO_8859_1);
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
