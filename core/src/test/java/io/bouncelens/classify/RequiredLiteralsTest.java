package io.bouncelens.classify;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredLiteralsTest {

    @Test
    void aProviderCodePatternNeedsItsPrefixAndOneOfItsCodes() {
        assertThat(RequiredLiterals.of("(ofr|lpn)[a-z0-9]*_?(416|417)\\b"))
                .containsExactly(List.of("ofr", "lpn"), List.of("416", "417"));
        assertThat(RequiredLiterals.of("AUP#[io]n?-?(1[34][0-9][0-9]|1540)\\b"))
                .containsExactly(List.of("aup#i", "aup#o"), List.of("13", "14", "1540"));
    }

    @Test
    void anAlternationNeedsOneOfEachOfItsBranchesGroups() {
        // (A and B) or C  ==  (A or C) and (B or C)
        assertThat(RequiredLiterals.of("(ofr[0-9]*_(401|517)|nom de domaine)"))
                .containsExactly(List.of("ofr", "nom de domaine"), List.of("_401", "_517", "nom de domaine"));
    }

    @Test
    void whatCanBeAbsentOrIsNotUnderstoodNeedsNothing() {
        assertThat(RequiredLiterals.of("(abc)?def*")).containsExactly(List.of("de"));
        assertThat(RequiredLiterals.of("(^|[^a-z])ube([^a-z]|$)")).containsExactly(List.of("ube"));
        assertThat(RequiredLiterals.of("abc|.*")).isEmpty();
        assertThat(RequiredLiterals.of("(?P<x>abc)")).isEmpty();
        assertThat(RequiredLiterals.of("\\pLabc")).isEmpty();
        assertThat(RequiredLiterals.of("x")).isEmpty(); // one character: found almost everywhere
    }

    @Test
    void noLiteralContainsAnSBecauseCaseFoldingEquatesItWithTheLongS() {
        // RE2/J's case folding matches "ſ" (U+017F), which folding keeps, for "s".
        assertThat(RequiredLiterals.of("spam detected")).containsExactly(List.of("pam detected"));
        String reply = "550 ſpam detected";
        assertThat(Pattern.compile("spam detected", Pattern.CASE_INSENSITIVE).matcher(FoldedText.fold(reply)).find()).isTrue();
        assertThat(FoldedText.fold(reply)).contains("pam detected");
    }

    @Test
    void everyMatchStartsWithOneOfTheStartsFound() {
        assertThat(RequiredLiterals.starts("(ofr|lpn)[a-z0-9]*_?(416|417)\\b")).containsExactly("ofr", "lpn");
        assertThat(RequiredLiterals.starts("\\bAUP#[io]n?-?1530\\b")).containsExactly("aup#i", "aup#o");
        assertThat(RequiredLiterals.starts("(x[0-9]+y|zz)q")).containsExactly("x", "zz");
        assertThat(RequiredLiterals.starts("(^|[^a-z])ube")).isEmpty();
        assertThat(RequiredLiterals.starts("a?bc")).isEmpty();
        assertThat(RequiredLiterals.starts("xspam")).containsExactly("x"); // cut before the s, as for the literals
        assertThat(RequiredLiterals.starts("spam")).isEmpty();
    }

    /** On the bundled knowledge base: wherever a pattern matches a realistic reply, what it needs is there. */
    @Test
    void everyBundledPatternThatMatchesAnExampleFindsWhatItNeedsThere() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        List<String> replies = new ArrayList<>();
        for (KbEntry e : kb.entries()) replies.addAll(e.examples());
        int patterns = 0, withNeeds = 0, matches = 0;
        for (KbEntry e : kb.entries()) {
            if (e.pattern() == null) continue;
            patterns++;
            List<List<String>> needs = RequiredLiterals.of(e.pattern().pattern());
            if (!needs.isEmpty()) withNeeds++;
            for (String reply : replies) {
                String folded = FoldedText.fold(reply);
                if (!e.pattern().matcher(folded).find()) continue;
                matches++;
                int first = Integer.MAX_VALUE;
                for (String start : RequiredLiterals.starts(e.pattern().pattern())) {
                    if (folded.contains(start)) first = Math.min(first, folded.indexOf(start));
                }
                if (!RequiredLiterals.starts(e.pattern().pattern()).isEmpty()) {
                    assertThat(first).as(e.id() + " starts on " + reply).isLessThan(Integer.MAX_VALUE);
                    assertThat(e.pattern().matcher(folded).find(first)).as(e.id() + " from its start on " + reply).isTrue();
                }
                for (List<String> group : needs) {
                    assertThat(group).as(e.id() + " on " + reply).anyMatch(folded::contains);
                }
            }
        }
        assertThat(patterns).isPositive();
        assertThat(withNeeds).isPositive();
        assertThat(matches).isGreaterThanOrEqualTo(patterns);
    }
}
