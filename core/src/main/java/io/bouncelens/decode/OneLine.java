package io.bouncelens.decode;

/**
 * Text put on one line for a record or a person to read: runs of white space (line breaks
 * included) become one space, ends trimmed, cut at a number of characters without splitting a
 * character outside the BMP in two.
 */
public final class OneLine {

    private OneLine() {
    }

    /** The text on one line, at most {@code max} characters. */
    public static String of(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        boolean space = false;
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            int room = max - b.length() - (space ? 1 : 0);
            if (room <= 0 || Character.isHighSurrogate(c) && room < 2) break; // no half character
            if (space) b.append(' ');
            b.append(c);
            space = false;
        }
        return b.toString();
    }

    /** The text on one line, cut at {@code max} characters with an ellipsis after them when it was longer. */
    public static String cut(String s, int max) {
        // two more than max tell a longer text even where a pair stands at the cut
        String line = of(s, max + 2);
        return line.length() <= max ? line : of(line, max) + "…";
    }
}
