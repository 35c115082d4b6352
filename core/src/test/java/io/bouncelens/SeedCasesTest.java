package io.bouncelens;

import com.google.re2j.Pattern;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every case of the seed article ({@code ../shared/seed/seed-cases.tsv}) in all three languages: the
 * reason is one the case allows, hard/soft agrees, the English advice mentions what the case asks
 * for, and the Chinese advice is Chinese (Traditional characters for zh-TW). Skipped without
 * {@code ../shared}.
 */
class SeedCasesTest {

    /** Simplified-only forms (their Traditional counterparts differ): none may appear in zh-TW. */
    private static final String SIMPLIFIED_ONLY = "邮们发该络务达账删认证类设过这对时后从给让请为应无网户号码议转频数据态错误间问题与开关";

    private record SeedCase(String id, String probe, List<String> reasons, String bounce, String fix) {
    }

    private static List<SeedCase> cases() throws IOException {
        Path tsv = Path.of(System.getProperty("bouncelens.shared", "../shared"), "seed", "seed-cases.tsv");
        assumeTrue(Files.isRegularFile(tsv), "no ../shared seed cases here");
        List<SeedCase> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = tabs(line);
            out.add(new SeedCase(f[0], f[2], List.of(bars(f[3])), f[4], f[5]));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everySeedCaseIsAnsweredRightInEveryLanguage() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (SeedCase c : cases()) {
            for (Lang lang : Lang.values()) {
                tests.add(DynamicTest.dynamicTest(c.id() + " " + lang.tag() + ": " + c.probe(), () -> check(c, lang)));
            }
        }
        return tests.stream();
    }

    private static void check(SeedCase c, Lang lang) {
        BounceRecord r = Bouncelens.explain(c.probe(), lang);
        assertThat(r.reason().label()).as("reason (%s)", r.evidence()).isIn(c.reasons());
        if (c.bounce().equals("hard")) assertThat(r.hardBounce()).as("hard bounce").isTrue();
        if (c.bounce().equals("soft")) assertThat(r.hardBounce()).as("soft bounce").isFalse();
        assertThat(r.explanation()).isNotBlank();
        assertThat(r.fix()).isNotBlank();
        String advice = r.fix() + " " + r.explanation();
        if (lang == Lang.EN) {
            assertThat(Pattern.compile(c.fix(), Pattern.CASE_INSENSITIVE).matcher(advice).find())
                    .as("advice mentions /%s/: %s", c.fix(), advice).isTrue();
        } else {
            assertThat(advice.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                    .as("written in Chinese: " + advice).isTrue();
        }
        if (lang == Lang.ZH_TW) {
            assertThat(advice.chars().filter(ch -> SIMPLIFIED_ONLY.indexOf(ch) >= 0).mapToObj(ch -> String.valueOf((char) ch)).toList())
                    .as("Simplified-only characters in zh-TW: " + advice).isEmpty();
        }
    }

    private static String[] tabs(String line) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = line.indexOf('\t', from)) >= 0) {
            parts.add(line.substring(from, at));
            from = at + 1;
        }
        parts.add(line.substring(from));
        return parts.toArray(new String[0]);
    }

    private static String[] bars(String s) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf('|', from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + 1;
        }
        parts.add(s.substring(from));
        return parts.toArray(new String[0]);
    }
}
