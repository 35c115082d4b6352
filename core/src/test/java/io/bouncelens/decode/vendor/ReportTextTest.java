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
    void linesAndTheirUpperCaseStayInStepWhenUpperCasingLengthensALine() {
        // sharp s becomes SS and U+0390 three characters: the upper-cased text outgrows the text
        Random random = new Random(17);
        String alphabet = "aZ ß\u0390\u9000\r\n";
        String[] literals = {"SS", "A", "\u0399", "\u9000", "Z"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(80); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String t = text.toString();
            ReportText r = ReportText.of(t);
            java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(t.split("\r\n|\r|\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            assertThat(r.size()).as(t).isEqualTo(lines.size());
            for (int i = 0; i < lines.size(); i++) assertThat(r.line(i)).as(t).isEqualTo(lines.get(i));
            for (String literal : literals) {
                int expected = -1;
                for (int i = 0; i < lines.size() && expected < 0; i++) {
                    if (lines.get(i).toUpperCase(Locale.ROOT).strip().startsWith(literal)) expected = i;
                }
                assertThat(r.findStart(literal, 0)).as(t + " / " + literal).isEqualTo(expected);
            }
        }
    }

    @Test
    void findAnyAgreesWithSearchingEachLiteralAlone() {
        Random random = new Random(5);
        String alphabet = "abAB :-?\u00e4\u9000\n";
        String[][] sets = {{"ab", "b:"}, {"A-", "BA", " a", "?"}, {"\u00e4b", "ba"}, {"\u9000a", "ab"}, {"a", "b", "ab"}};
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            ReportText r = ReportText.of(random.nextBoolean() ? text.toString() : text.toString().replace("\n", "\r\n"));
            String[] literals = sets[random.nextInt(sets.length)];
            int from = random.nextInt(4);
            int each = -1;
            for (String literal : literals) {
                int at = r.find(literal, from);
                if (at >= 0 && (each < 0 || at < each)) each = at;
            }
            assertThat(r.findAny(from, literals)).as(text.toString() + " / " + String.join("|", literals)).isEqualTo(each);
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

    @Test
    void theWholeTextIsUpperCasedAtOnceOnlyWhenItIsAscii() {
        assertThat(ReportText.asciiUpperCase("550 user unknown? [x]")).isEqualTo("550 USER UNKNOWN? [X]");
        assertThat(ReportText.asciiUpperCase("Empfänger unbekannt")).isNull();
        assertThat(ReportText.asciiUpperCase("收件人不存在 unknown")).isNull();
    }

    @Test
    void theWholeTextUpperCasedEightCharactersAtATimeAgreesWithTheJdk() {
        Random random = new Random(5);
        // the letters' neighbours ('`', '{', '@', '['), DEL, '?' and what comes out of getBytes as '?'
        String ascii = "azAZ`{@[\u007f?? 09\n";
        String[] beyond = {"é", "退", "\uD83D\uDE00"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) text.append(ascii.charAt(random.nextInt(ascii.length())));
            if (random.nextInt(3) == 0) text.insert(random.nextInt(text.length() + 1), beyond[random.nextInt(beyond.length)]);
            String s = text.toString();
            boolean isAscii = s.chars().allMatch(c -> c < 0x80);
            assertThat(ReportText.asciiUpperCase(s)).as(s).isEqualTo(isAscii ? s.toUpperCase(Locale.ROOT) : null);
        }
    }

    @Test
    void aFinalLineEndStartsNoLine() {
        assertThat(ReportText.of("one\ntwo\n").lines()).containsExactly("one", "two");
        assertThat(ReportText.of("one\n\n").lines()).containsExactly("one", "");
        assertThat(ReportText.of("\n").lines()).containsExactly("");
        assertThat(ReportText.of("").lines()).isEmpty();
    }

    @Test
    void searchesFindTheLineOfTheFirstHitInAsciiAndOtherTexts() {
        for (String text : new String[] {
                "Reporting-MTA: x\n\n  Status: 5.1.1\nstatus: 4.0.0\n",
                "Straße ß\r\n\r\n  Status: 5.1.1\r\n退信 status: 4.0.0"}) {
            ReportText r = ReportText.of(text);

            assertThat(r.find("status:")).isEqualTo(2);
            assertThat(r.find("STATUS:", 3)).isEqualTo(3);
            assertThat(r.find("status:", 4)).isEqualTo(-1);
            assertThat(r.find("5.1.1\n")).as("a literal never spans two lines").isEqualTo(-1);
            assertThat(r.findStart("status", 0)).isEqualTo(2);
            assertThat(r.findStart("status", 3)).as("not at the line's start").isEqualTo(text.startsWith("R") ? 3 : -1);
            assertThat(r.find("")).isZero();
        }
        assertThat(ReportText.of("Straße").find("STRASSE")).as("case forms of another length").isZero();
    }
}
