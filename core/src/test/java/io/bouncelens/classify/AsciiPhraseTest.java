package io.bouncelens.classify;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiPhraseTest {

    /** What the phrase search must answer: the first position where regionMatches ignoring case holds. */
    private static int naive(String text, String phrase, int from) {
        for (int i = Math.max(0, from); i <= text.length() - phrase.length(); i++) {
            if (text.regionMatches(true, i, phrase, 0, phrase.length())) return i;
        }
        return -1;
    }

    @Test
    void findsWhatComparingAtEveryPositionFinds() {
        List<String> phrases = List.of("said:", "in reply to ", "the mta server of ", "reply:");
        List<String> texts = List.of("host mx.example.net[192.0.2.1] SAID: 550 user unknown (In Reply To RCPT TO command)",
                "The MTA server of mx.example.cn(192.0.2.1) Reply: 550 5.1.1", "ſaid: İn reply to ıN REPLY TO rcpt",
                "said", "", "said:said:", "THE\u212Aserver of reply; reply:", "in reply t", "ın reply to x");
        for (String phrase : phrases) {
            AsciiPhrase p = new AsciiPhrase(phrase);
            for (String text : texts) {
                for (int from = -1; from <= text.length() + 1; from++) {
                    assertThat(p.in(text, from)).as(phrase + " in " + text + " from " + from).isEqualTo(naive(text, phrase, from));
                }
            }
        }
    }

    @Test
    void findsWhatComparingAtEveryPositionFindsInRandomText() {
        Random random = new Random(7);
        String alphabet = "saidSAID:inrepltoINREPLTO y Y\u0130\u0131\u017F\u212A\u00E9";
        AsciiPhrase said = new AsciiPhrase("said:");
        AsciiPhrase inReplyTo = new AsciiPhrase("in reply to ");
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextBoolean()) text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? "SaId:" : "In rEply To ");
            String t = text.toString();
            assertThat(said.in(t, 0)).as(t).isEqualTo(naive(t, "said:", 0));
            assertThat(inReplyTo.in(t, 0)).as(t).isEqualTo(naive(t, "in reply to ", 0));
        }
    }

    @Test
    void noCharacterBeyondAsciiEqualsAnAnchorIgnoringCase() {
        for (char anchor : AsciiPhrase.ANCHORS.toCharArray()) {
            String a = String.valueOf(anchor);
            for (int c = 0x80; c <= 0xFFFF; c++) {
                assertThat(String.valueOf((char) c).regionMatches(true, 0, a, 0, 1)).as("U+%04X vs %s", c, a).isFalse();
            }
        }
    }
}
