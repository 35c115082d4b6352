package io.bouncelens.decode;

import java.util.Locale;

/**
 * Reduces HTML to its readable text for reports that send no plain part: tags dropped (block
 * tags become line breaks), script and style skipped, common entities decoded. Linear, no regex.
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i + 1);
                if (close < 0) break;
                boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
                String tag = tagName(html, i + 1, close);
                if (!closing && (tag.equals("script") || tag.equals("style"))) {
                    int end = indexOfIgnoreCase(html, "</" + tag, close + 1);
                    i = end < 0 ? n : end;
                    continue;
                }
                if (tag.equals("!--")) {
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                if (isBlock(tag)) out.append('\n');
                i = close + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i + 1);
                if (semi > i && semi - i <= 10) {
                    String ent = html.substring(i + 1, semi);
                    String dec = entity(ent);
                    if (dec != null) {
                        out.append(dec);
                        i = semi + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            } else if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return tidy(out);
    }

    private static String tagName(String html, int from, int to) {
        int i = from;
        if (i < to && html.charAt(i) == '/') i++;
        if (html.startsWith("!--", i)) return "!--";
        int start = i;
        while (i < to && Character.isLetterOrDigit(html.charAt(i))) i++;
        return html.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static boolean isBlock(String tag) {
        return switch (tag) {
            case "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre",
                 "blockquote", "hr", "ul", "ol", "dd", "dt", "title" -> true;
            default -> false;
        };
    }

    private static String entity(String e) {
        if (e.startsWith("#")) {
            try {
                int cp = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X')
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return switch (e.toLowerCase(Locale.ROOT)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> null;
        };
    }

    /** Where the closing tag {@code what} (it starts with {@code <}, which has no other case) is, from {@code from}; -1 when absent. */
    private static int indexOfIgnoreCase(String s, String what, int from) {
        int max = s.length() - what.length();
        for (int i = s.indexOf('<', from); i >= 0 && i <= max; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, what, 0, what.length())) return i;
        }
        return -1;
    }

    /** Collapses runs of spaces and of blank lines. */
    private static String tidy(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') b.setLength(b.length() - 1);
                if (newlines < 2 && b.length() > 0) b.append('\n');
                newlines++;
                space = false;
            } else if (c == ' ' || c == '\u00a0') {
                space = true;
            } else {
                if (space && newlines == 0 && b.length() > 0) b.append(' ');
                b.append(c);
                space = false;
                newlines = 0;
            }
        }
        return b.toString().trim();
    }
}
