package io.bouncelens.decode.vendor;

import java.util.Locale;

/** Reads the remote host's name out of the phrases reports use for it ({@code host mx.example.com [192.0.2.1]}). */
final class HostNames {

    private HostNames() {
    }

    /**
     * The token after the first whole-word occurrence of {@code word} (e.g. {@code "host"}), with an
     * optional colon after the word and decorations ({@code []():,}) around the token removed; null
     * when the word is absent or nothing follows it.
     */
    static String after(String text, String word) {
        if (text == null) return null;
        String upper = text.toUpperCase(Locale.ROOT);
        String needle = word.toUpperCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = upper.indexOf(needle, from);
            if (at < 0 || upper.length() != text.length()) return null;
            from = at + 1;
            if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) continue;
            int i = at + needle.length();
            if (i < text.length() && text.charAt(i) == ':') i++;
            if (i >= text.length() || text.charAt(i) != ' ') continue;
            while (i < text.length() && text.charAt(i) == ' ') i++;
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
            String token = trim(text.substring(i, end));
            if (looksLikeHost(token)) return token;
        }
    }

    /** The token before {@code marker} (e.g. the host in {@code mx.example.com [192.0.2.1] did not like}). */
    static String firstToken(String text) {
        if (text == null) return null;
        String t = text.strip();
        int end = 0;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) end++;
        String token = trim(t.substring(0, end));
        return looksLikeHost(token) ? token : null;
    }

    static boolean looksLikeHost(String token) {
        if (token == null || token.isEmpty() || token.indexOf('.') < 0 || token.indexOf('@') >= 0) return false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':')) return false;
        }
        return true;
    }

    private static String trim(String token) {
        int s = 0;
        int e = token.length();
        while (s < e && "[(<\"'".indexOf(token.charAt(s)) >= 0) s++;
        while (e > s && "])>:,;.\"'".indexOf(token.charAt(e - 1)) >= 0) e--;
        return token.substring(s, e);
    }
}
