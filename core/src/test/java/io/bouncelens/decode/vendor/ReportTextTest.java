package io.bouncelens.decode.vendor;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

    @Test
    void upperCaseAgreesWithTheJdkOnAsciiAndOnEverythingElse() {
        Random random = new Random(11);
        String alphabet = "abcxyzABCXYZ019 :;<>@[]`{}~\u007f\t-ßäÿµıİſﬀ退信ǰ";
        for (int round = 0; round < 3000; round++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(30);
            boolean asciiOnly = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                line.append(alphabet.charAt(random.nextInt(asciiOnly ? 34 : alphabet.length())));
            }
            String s = line.toString();
            assertThat(ReportText.upperCase(s)).as(s).isEqualTo(s.toUpperCase(Locale.ROOT));
        }
    }

    @Test
    void linesEndInLfCrlfOrCrAlike() {
        for (String text : new String[] {"one\ntwo\n\nfour", "one\r\ntwo\r\n\r\nfour", "one\rtwo\r\rfour", "one\ntwo\r\n\rfour"}) {
            ReportText r = ReportText.of(text);

            assertThat(r.lines()).as(text.replace("\r", "\\r").replace("\n", "\\n")).containsExactly("one", "two", "", "four");
            assertThat(r.find("TWO")).isEqualTo(1);
            assertThat(r.find("our")).isEqualTo(3);
        }
    }
}
