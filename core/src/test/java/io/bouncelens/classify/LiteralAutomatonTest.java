package io.bouncelens.classify;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralAutomatonTest {

    @Test
    void findsOverlappingAndNestedLiteralsInOnePass() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("user unknown", "unknown", "known user", "no such user", "such"));
        TreeSet<Integer> found = new TreeSet<>();
        a.scan("550 unknown user unknown", found::add);
        assertThat(found).containsExactly(0, 1, 2);
        found.clear();
        a.scan("no such user here", found::add);
        assertThat(found).containsExactly(3, 4);
    }

    @Test
    void foldingMakesCaseAndSpacingIrrelevant() {
        assertThat(FoldedText.fold("  User\tUNKNOWN \r\n in  table ")).isEqualTo("user unknown in table");
        assertThat(FoldedText.fold("isn’t")).isEqualTo("isn't");
    }

    @Test
    void scanTimeIsLinearOnAdversarialText() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("aaaaaaaaab", "aaaaaaaaac", "ab"));
        String text = "a".repeat(2_000_000);
        long start = System.nanoTime();
        int[] hits = new int[1];
        a.scan(text, id -> hits[0]++);
        assertThat(hits[0]).isZero();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
