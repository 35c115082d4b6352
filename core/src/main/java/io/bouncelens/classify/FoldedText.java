package io.bouncelens.classify;

/**
 * The one normal form both knowledge-base literals and reply texts are compared in: lower case,
 * typographic quotes made plain, every run of white space one space, no space at either end. One
 * pass, no regular expressions, so it is linear in the input.
 */
final class FoldedText {

    private FoldedText() {
    }

    /** Folds at most {@code maxChars} characters of {@code text}. */
    static String fold(CharSequence text, int maxChars) {
        int n = Math.min(text.length(), maxChars);
        StringBuilder out = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(foldChar(c));
        }
        return out.toString();
    }

    static String fold(CharSequence text) {
        return fold(text, Integer.MAX_VALUE);
    }

    static boolean isSpace(char c) {
        if (c > ' ' && c < 0x00A0) return false; // printable ASCII, the usual case, in one test
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                || c == 0x00A0 || c == 0x3000 || c == 0x2007 || c == 0x202F;
    }

    /** One character in the normal form (white space aside, see {@link #isSpace}). */
    static char foldChar(char c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return switch (c) {
            case '\u2018', '\u2019', '\u02BC', '\u00B4' -> '\'';
            case '\u201C', '\u201D' -> '"';
            case '\uFF1A' -> ':'; // full-width colon, common in Chinese replies
            default -> Character.toLowerCase(c);
        };
    }
}
