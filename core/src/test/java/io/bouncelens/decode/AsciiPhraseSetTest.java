package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsciiPhraseSetTest {

    private static final List<String> PHRASES = List.of("RCPT TO", "RCPT:", "TO RCPT", "DATA", "END OF DATA", "a", "Ab");

    @Test
    void findsTheEarliestPhraseAndAtOnePositionTheOneListedFirst() {
        AsciiPhraseSet set = AsciiPhraseSet.of("END OF DATA", "RCPT TO", "RCPT:", "DATA");

        assertThat(set.first("after rcpt to:<x> and end of data")).isEqualTo(1);
        assertThat(set.first("in reply to End Of Data")).isEqualTo(0);
        assertThat(set.first("rcpt: no")).isEqualTo(2);
        assertThat(set.first("nothing here")).isEqualTo(-1);
        assertThat(set.first("")).isEqualTo(-1);
    }

    @Test
    void tellsWhichPhrasesOccurAnywhere() {
        AsciiPhraseSet set = AsciiPhraseSet.of("END OF DATA", "RCPT TO", "HELO", "DATA");

        assertThat(set.present("rcpt to <x>, then end of data")).isEqualTo(0b1011);
        assertThat(set.present("ehlo")).isZero();
        assertThat(set.present("HEL")).isZero(); // a phrase cut off by the end of the text
    }

    @Test
    void onlyAsciiLettersFold() {
        AsciiPhraseSet set = AsciiPhraseSet.of("FINAL DATA", "SIZE");

        // U+FB01 (the "fi" ligature) and U+0131 (dotless i) upper-case to ASCII, but are not it
        assertThat(set.first("\uFB01nal data")).isEqualTo(-1);
        assertThat(set.first("s\u0131ze")).isEqualTo(-1);
        assertThat(set.first("日本 size 語")).isEqualTo(1);
        assertThat(set.first("ﬀ\u00e9Final Data")).isEqualTo(0);
    }

    @Test
    void agreesWithANaiveSearchOnRandomTexts() {
        AsciiPhraseSet set = new AsciiPhraseSet(PHRASES);
        String[] pieces = {"rcpt", "RCPT", " ", "to", "To", ":", "data", "DaTa", "end of ", "a", "b", "B", "\u00e0", "日", "?", "\u0131"};
        Random random = new Random(17);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) text.append(pieces[random.nextInt(pieces.length)]);
            String t = text.toString();

            assertThat(set.first(t)).as(t).isEqualTo(naiveFirst(t));
            assertThat(set.present(t)).as(t).isEqualTo(naivePresent(t));
        }
    }

    @Test
    void refusesWhatItCannotSearchFor() {
        assertThatThrownBy(() -> AsciiPhraseSet.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsciiPhraseSet.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsciiPhraseSet.of("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsciiPhraseSet.of("why?")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsciiPhraseSet(Collections.nCopies(65, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The model: at each position, each phrase in list order, ASCII letters compared ignoring case. */
    private static int naiveFirst(String text) {
        for (int i = 0; i < text.length(); i++) {
            for (int k = 0; k < PHRASES.size(); k++) {
                if (asciiMatchAt(text, i, PHRASES.get(k))) return k;
            }
        }
        return -1;
    }

    private static long naivePresent(String text) {
        long found = 0;
        for (int i = 0; i < text.length(); i++) {
            for (int k = 0; k < PHRASES.size(); k++) {
                if (asciiMatchAt(text, i, PHRASES.get(k))) found |= 1L << k;
            }
        }
        return found;
    }

    private static boolean asciiMatchAt(String text, int at, String phrase) {
        if (at + phrase.length() > text.length()) return false;
        for (int j = 0; j < phrase.length(); j++) {
            char c = text.charAt(at + j);
            if (c >= 128 || Character.toUpperCase(c) != Character.toUpperCase(phrase.charAt(j))) return false;
        }
        return true;
    }
}
