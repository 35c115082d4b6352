package io.bouncelens.classify;

/**
 * A lower-case ASCII phrase found ignoring case, with the answers of a search that compares with
 * {@link String#regionMatches(boolean, int, String, int, int)} at every position, but faster: the
 * search looks for one character of the phrase that nothing but itself and its other case can
 * match ({@code :} in {@code said:}, {@code y} in {@code in reply to}) with the JDK's vectorised
 * {@link String#indexOf(int, int)}, and compares only there. Letters that characters beyond ASCII
 * also match ignoring case ({@code i}, {@code k}, {@code s}) are never that character.
 */
final class AsciiPhrase {

    /** Characters that can anchor a search, the rarer in replies first; none has a non-ASCII equal ignoring case. */
    static final String ANCHORS = ":;#@qjzxvwyfbgpmhucdlrnotae";

    private final String phrase;
    private final int anchorAt;
    private final char lower;
    private final char upper;

    AsciiPhrase(String phrase) {
        this.phrase = phrase;
        int at = -1;
        for (int i = 0; i < ANCHORS.length() && at < 0; i++) at = phrase.indexOf(ANCHORS.charAt(i));
        if (at < 0) throw new IllegalArgumentException("no anchor character in '" + phrase + "'");
        anchorAt = at;
        lower = phrase.charAt(at);
        upper = Character.toUpperCase(lower);
    }

    int length() {
        return phrase.length();
    }

    /** The first position at or after {@code from} where the phrase starts, ignoring case; -1 if none. */
    int in(String text, int from) {
        int last = text.length() - phrase.length();
        int start = Math.max(0, from);
        if (start > last) return -1;
        int nextLower = text.indexOf(lower, start + anchorAt);
        int nextUpper = lower == upper ? -1 : text.indexOf(upper, start + anchorAt);
        while (nextLower >= 0 || nextUpper >= 0) {
            int anchor = nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper) ? nextLower : nextUpper;
            int i = anchor - anchorAt;
            if (i > last) return -1;
            if (text.regionMatches(true, i, phrase, 0, phrase.length())) return i;
            if (anchor == nextLower) {
                nextLower = text.indexOf(lower, anchor + 1);
            } else {
                nextUpper = text.indexOf(upper, anchor + 1);
            }
        }
        return -1;
    }
}
