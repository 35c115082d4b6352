package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds and cleans email addresses in text with a hand scanner (linear: each {@code @} is
 * expanded once to the left and right). Accepts UTF-8 local parts and domains (RFC 6531).
 */
public final class Addresses {

    private Addresses() {
    }

    /** The first address in {@code text}, or null. */
    public static String first(String text) {
        List<String> all = find(text, 1);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Up to {@code max} distinct addresses in order of appearance. */
    public static List<String> find(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        int from = 0;
        int n = text.length();
        int lastEnd = 0;
        while (out.size() < max) {
            int at = text.indexOf('@', from);
            if (at < 0) break;
            int start = at;
            // (Chinese and Japanese run words into an address: "无法发送到admin@b" is admin@b)
            while (start > lastEnd && isLocalChar(text.charAt(start - 1))
                    && !(start < at && isUnspacedScript(text.charAt(start - 1)) && text.charAt(start) < 0x80)) {
                start--;
            }
            if (start == at && at > lastEnd && text.charAt(at - 1) == '"') start = quotedLocalPartStart(text, at - 1, lastEnd);
            int end = at + 1;
            // ("发送到a@example.com失败": the domain ends where the Chinese goes on)
            while (end < n && isDomainChar(text.charAt(end))
                    && !(end > at + 1 && isUnspacedScript(text.charAt(end)) && isAsciiLetterOrDigit(text.charAt(end - 1)))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) end--;
            while (start < at && text.charAt(start) == '.') start++;
            // 'a@b' quoted with apostrophes (an apostrophe may begin a local part, but not here)
            if (start < at && text.charAt(start) == '\'' && end < n && text.charAt(end) == '\'') start++;
            // X.400 gateways write the Internet address as "SMTP=a@b"
            if (at - start > 5 && text.regionMatches(true, start, "smtp=", 0, 5)) start += 5;
            from = at + 1;
            if (start == at || end == at + 1) continue;
            String domain = text.substring(at + 1, end);
            if (domain.indexOf('.') < 0 && !domain.equalsIgnoreCase("localhost")) continue;
            String address = text.substring(start, at + 1) + domain;
            lastEnd = end;
            from = end;
            if (!containsIgnoreCase(out, address)) out.add(address);
        }
        return out;
    }

    /**
     * An address field value as reports write it ({@code rfc822; <a@b>}, {@code utf-8; a\x{E9}@b},
     * {@code "Name" <a@b>}) reduced to the bare address; null when it holds none.
     */
    public static String clean(String value) {
        if (value == null) return null;
        String v = value.trim();
        int semi = v.indexOf(';');
        boolean utf8Type = false;
        if (semi > 0 && semi < 12 && v.indexOf('@') > semi) {
            utf8Type = v.substring(0, semi).trim().equalsIgnoreCase("utf-8");
            v = v.substring(semi + 1).trim();
        }
        if (utf8Type || v.contains("\\x{")) v = decodeUtf8AddrXtext(v);
        String found = first(v);
        return found == null ? null : found;
    }

    /** RFC 6533 utf-8-addr-xtext: {@code \x{HHHH}} stands for one code point. */
    static String decodeUtf8AddrXtext(String v) {
        if (v.indexOf("\\x{") < 0) return v;
        StringBuilder b = new StringBuilder(v.length());
        int i = 0;
        while (i < v.length()) {
            if (v.startsWith("\\x{", i)) {
                int close = v.indexOf('}', i + 3);
                if (close > i + 3 && close - i <= 10) {
                    try {
                        int cp = Integer.parseInt(v.substring(i + 3, close), 16);
                        if (Character.isValidCodePoint(cp)) {
                            b.appendCodePoint(cp);
                            i = close + 1;
                            continue;
                        }
                    } catch (NumberFormatException ignored) {
                        // not an escape: keep the text as it is
                    }
                }
            }
            b.append(v.charAt(i++));
        }
        return b.toString();
    }

    /**
     * Whether the address's domain ends in a top-level name that could be real: letters only (any
     * script), or an IDN's {@code xn--} form. A chat link's {@code 19:abc@thread.tacv2} or a
     * message id's {@code part1.2@host.x3} written into a notice is no one's address.
     */
    public static boolean hasNameTopLevel(String address) {
        int dot = address.lastIndexOf('.');
        if (dot < 0 || dot <= address.lastIndexOf('@')) return address.regionMatches(true, address.lastIndexOf('@') + 1, "localhost", 0, 9);
        String top = address.substring(dot + 1);
        if (top.length() < 2) return false;
        if (top.regionMatches(true, 0, "xn--", 0, 4)) return true;
        for (int i = 0; i < top.length(); i++) if (!Character.isLetter(top.charAt(i))) return false;
        return true;
    }

    /** True for addresses of mail systems rather than people (postmaster, mailer-daemon, ...). */
    public static boolean isMailSystem(String address) {
        if (address == null) return false;
        String a = address.toLowerCase(Locale.ROOT);
        return a.startsWith("mailer-daemon@") || a.startsWith("postmaster@") || a.startsWith("mail-daemon@")
                || a.startsWith("mailerdaemon@") || a.startsWith("noreply@") || a.startsWith("no-reply@")
                || a.startsWith("bounce@") || a.startsWith("bounces@") || a.startsWith("double-bounce@");
    }

    /**
     * Where the quoted local part ending at the quote {@code close} starts ({@code "john..doe"@b},
     * RFC 5321's quoted-string), or {@code close + 1} when there is none: the opening quote within
     * 64 characters, with no line break, angle bracket or further quote between.
     */
    private static int quotedLocalPartStart(String text, int close, int floor) {
        for (int i = close - 1; i >= floor && i >= close - 65; i--) {
            char c = text.charAt(i);
            if (c == '"') return i == close - 1 ? close + 1 : i;
            if (c == '\n' || c == '\r' || c == '<' || c == '>') break;
        }
        return close + 1;
    }

    private static boolean containsIgnoreCase(List<String> list, String s) {
        for (String x : list) if (x.equalsIgnoreCase(s)) return true;
        return false;
    }

    private static boolean isLocalChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
        if (c > 0x7F) return Character.isLetterOrDigit(c);
        return "._%+-=!#$&'*/?^`{|}~".indexOf(c) >= 0;
    }

    /**
     * Han, kana and Hangul: scripts written without spaces, so their words run straight into an
     * ASCII address before or after them. (An address written wholly in them, 用户@例子.中国, is
     * still read whole; Latin letters with accents, bücher.de, are not among them.)
     */
    private static boolean isUnspacedScript(char c) {
        if (c < 0x1100) return false;
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isDomainChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
        if (c > 0x7F) return Character.isLetterOrDigit(c);
        return c == '.' || c == '-' || c == '_';
    }
}
