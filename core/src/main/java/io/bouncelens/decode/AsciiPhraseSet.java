package io.bouncelens.decode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A fixed set of ASCII phrases found in a text in one pass, ignoring ASCII case. Made for the
 * short lists of command and marker phrases read out of every reply: upper-casing each reply and
 * searching it once per phrase cost a pass per phrase (two dozen for the command names). Here each
 * position is looked at once, and only phrases that start with its letter are compared.
 *
 * <p>Only ASCII letters fold: a character beyond ASCII never matches, so no phrase is found
 * inside one that merely upper-cases to ASCII ("ﬁ" is not "FI"). Phrases are ASCII without '?'.
 * Immutable and thread-safe.
 */
public final class AsciiPhraseSet {

    /** The most phrases a set holds: {@link #present} answers in a {@code long}. */
    public static final int MAX_PHRASES = 64;

    /** Each phrase upper-cased, as bytes. */
    private final byte[][] phrases;
    /** Per upper-case first byte (0-127): the indices of the phrases that start with it, in list order. */
    private final int[][] startingWith = new int[128][];

    public AsciiPhraseSet(List<String> phrases) {
        if (phrases.isEmpty() || phrases.size() > MAX_PHRASES) {
            throw new IllegalArgumentException("1 to " + MAX_PHRASES + " phrases, not " + phrases.size());
        }
        this.phrases = new byte[phrases.size()][];
        int[] counts = new int[128];
        for (int k = 0; k < phrases.size(); k++) {
            String p = phrases.get(k);
            for (int i = 0; i < p.length(); i++) {
                // '?' stands for every character beyond Latin-1 in the bytes searched
                char c = p.charAt(i);
                if (c >= 128 || c == '?') throw new IllegalArgumentException("not ASCII without '?': '" + p + "'");
            }
            if (p.isEmpty()) throw new IllegalArgumentException("an empty phrase");
            this.phrases[k] = p.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            counts[this.phrases[k][0]]++;
        }
        for (int c = 0; c < 128; c++) {
            if (counts[c] > 0) startingWith[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int k = 0; k < this.phrases.length; k++) {
            int c = this.phrases[k][0];
            startingWith[c][counts[c]++] = k;
        }
    }

    public static AsciiPhraseSet of(String... phrases) {
        return new AsciiPhraseSet(List.of(phrases));
    }

    /**
     * The index (in list order) of the phrase that starts first in the text; at one position, the
     * one listed first. -1 when none occurs.
     */
    public int first(String text) {
        byte[] t = latin1(text);
        for (int i = 0; i < t.length; i++) {
            int[] candidates = candidatesAt(t, i);
            if (candidates == null) continue;
            for (int k : candidates) {
                if (startsAt(t, i, phrases[k])) return k;
            }
        }
        return -1;
    }

    /** Bit {@code k} set for each phrase {@code k} that occurs in the text. */
    public long present(String text) {
        byte[] t = latin1(text);
        long found = 0;
        for (int i = 0; i < t.length; i++) {
            int[] candidates = candidatesAt(t, i);
            if (candidates == null) continue;
            for (int k : candidates) {
                if (startsAt(t, i, phrases[k])) found |= 1L << k;
            }
        }
        return found;
    }

    /**
     * The text's characters as bytes: its Latin-1 bytes, a character beyond Latin-1 as '?'.
     * Both match no phrase letter, as the comparison wants.
     */
    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private int[] candidatesAt(byte[] t, int i) {
        int c = upper(t[i]);
        return c < 0 ? null : startingWith[c];
    }

    private static boolean startsAt(byte[] t, int at, byte[] phrase) {
        if (at + phrase.length > t.length) return false;
        for (int j = 1; j < phrase.length; j++) {
            if (upper(t[at + j]) != phrase[j]) return false;
        }
        return true;
    }

    /** The byte upper-cased when it is an ASCII lower-case letter; negative beyond ASCII. */
    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
    }
}
