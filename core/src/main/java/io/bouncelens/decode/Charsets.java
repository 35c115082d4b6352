package io.bouncelens.decode;

import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the bytes of a text part into Unicode. The label is trusted only when the bytes agree
 * with it: bounces often carry no charset, or {@code iso-8859-1} on GB2312 text, so unlabeled or
 * disagreeing bytes are tried as UTF-8 and then detected (juniversalchardet).
 */
public final class Charsets {

    /** Labels mapped to the superset Java decodes best: what mail calls GB2312 is usually GBK. */
    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("gb_2312-80", "GB18030"), Map.entry("euc-cn", "GB18030"), Map.entry("cp936", "GB18030"),
            Map.entry("hz-gb-2312", "GB18030"),
            Map.entry("big5", "Big5-HKSCS"), Map.entry("x-big5", "Big5-HKSCS"), Map.entry("cp950", "Big5-HKSCS"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"), Map.entry("cp949", "x-windows-949"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"), Map.entry("cp932", "windows-31j"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-7", "UTF-8"));

    private static final byte ESC = 0x1B;

    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private Charsets() {
    }

    /** The charset to decode text labeled {@code label} with, or null when Java does not know it. */
    public static Charset forLabel(String label) {
        if (label == null || label.isBlank()) return null;
        String key = label.trim().toLowerCase(Locale.ROOT);
        if (key.length() >= 2 && key.charAt(0) == '"' && key.charAt(key.length() - 1) == '"') {
            key = key.substring(1, key.length() - 1);
        }
        String name = SUPERSETS.getOrDefault(key, key);
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String decode(byte[] bytes, String label) {
        return decode(bytes, 0, bytes.length, label);
    }

    /** Decodes {@code len} bytes; never throws, never returns null. */
    public static String decode(byte[] bytes, int off, int len, String label) {
        if (len == 0) return "";
        // nearly every part: ASCII without an ESC, so no ISO-2022 text either; one pass tells
        if (ByteScan.isAsciiWithout(bytes, off, off + len, ESC)) return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        if (isAscii(bytes, off, len)) {
            // the label does not matter here (looking it up cost more than the rest for most parts)
            if (hasIso2022Escape(bytes, off, len)) return decodeLeniently(bytes, off, len, iso2022jp());
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        Charset labeled = forLabel(label);
        boolean singleByteLabel = labeled == null || labeled.equals(FALLBACK)
                || labeled.name().startsWith("ISO-8859") || labeled.name().startsWith("windows-125");
        // valid UTF-8 is almost never an accident, whatever the label says
        String utf8 = decodeStrictly(bytes, off, len, StandardCharsets.UTF_8);
        if (utf8 != null) return utf8;
        if (labeled != null && !singleByteLabel) {
            String strict = decodeStrictly(bytes, off, len, labeled);
            if (strict != null) return strict;
        }
        // Under an explicit single-byte label only a multi-byte charset would be taken from the
        // detector, and multi-byte text has some non-ASCII byte after another; Latin-1 prose ("é")
        // rarely does. Skipping the detector there saves most of its time (docs/performance.md).
        if (labeled != null && singleByteLabel && !hasAdjacentHighBytes(bytes, off, len)) {
            return decodeLeniently(bytes, off, len, labeled);
        }
        // A NUL byte means binary data (an image sent as "text/plain"), not text in some charset:
        // the detector would spend more on it than on all the rest of the message.
        if (ByteScan.indexOf(bytes, off, off + len, (byte) 0) < off + len) {
            return decodeLeniently(bytes, off, len, labeled != null ? labeled : FALLBACK);
        }
        Charset detected = detect(bytes, off, len);
        if (detected != null && (labeled == null || singleByteLabel || !detected.equals(labeled))) {
            // a single-byte label on multi-byte text is a mislabel; a detected CJK charset is better
            if (labeled == null || !singleByteLabel || isMultiByte(detected)) {
                String strict = decodeStrictly(bytes, off, len, detected);
                if (strict != null) return strict;
            }
        }
        return decodeLeniently(bytes, off, len, labeled != null ? labeled : (detected != null ? detected : FALLBACK));
    }

    static boolean isMultiByte(Charset c) {
        return c.newEncoder().maxBytesPerChar() > 1.5f;
    }

    static Charset detect(byte[] bytes, int off, int len) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, off, Math.min(len, 64 << 10));
        detector.dataEnd();
        return forLabel(detector.getDetectedCharset());
    }

    private static Charset iso2022jp() {
        return Charset.forName("ISO-2022-JP");
    }

    private static String decodeStrictly(byte[] bytes, int off, int len, Charset cs) {
        CharsetDecoder d = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = d.decode(ByteBuffer.wrap(bytes, off, len));
            return out.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeLeniently(byte[] bytes, int off, int len, Charset cs) {
        return new String(bytes, off, len, cs);
    }

    static boolean isAscii(byte[] bytes, int off, int len) {
        return ByteScan.isAscii(bytes, off, off + len);
    }

    /** Whether two bytes of 0x80 or above stand side by side, as in any run of multi-byte characters. */
    static boolean hasAdjacentHighBytes(byte[] bytes, int off, int len) {
        int end = off + len - 1;
        for (int i = off; i < end; i++) {
            if (bytes[i] < 0 && bytes[i + 1] < 0) return true;
        }
        return false;
    }

    private static boolean hasIso2022Escape(byte[] bytes, int off, int len) {
        int end = off + len - 2;
        for (int i = ByteScan.indexOf(bytes, off, end, ESC); i < end; i = ByteScan.indexOf(bytes, i + 1, end, ESC)) {
            if (bytes[i + 1] == '$' || bytes[i + 1] == '(') return true;
        }
        return false;
    }
}
