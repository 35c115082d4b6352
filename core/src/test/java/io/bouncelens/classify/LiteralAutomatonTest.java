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
    void scanningTheTextAsWrittenFindsWhatScanningItsFoldedFormFinds() {
        List<String> literals = List.of("user unknown", "isn't", "mailbox: full", "邮箱不存在", "i̇", "in reply to",
                "\"quoted\"", "550 5.1.1", "unknown");
        List<String> texts = List.of("550 5.1.1 USER\tUnknown", "Mailbox\u00A0 :  FULL", "Mailbox\uFF1A full",
                "Recipient isn\u2019t here", "  \u201CQuoted\u201D  ", "收件人邮箱不存在", "\u0130N REPLY\r\n TO",
                "user\u3000\u3000unknown", "User  unKnown (in reply to RCPT TO command)");
        for (int dense : new int[] {0, 1, 1 << 16}) { // no rows, one row (the classic path), all rows
            LiteralAutomaton a = LiteralAutomaton.build(literals.stream().map(FoldedText::fold).toList(), true, dense);
            for (String text : texts) {
                TreeSet<Integer> asWritten = new TreeSet<>();
                TreeSet<Integer> folded = new TreeSet<>();
                a.scan(text, asWritten::add);
                a.scan(FoldedText.fold(text), folded::add);
                TreeSet<Integer> naive = new TreeSet<>();
                for (int id = 0; id < literals.size(); id++) {
                    if (FoldedText.fold(text).contains(FoldedText.fold(literals.get(id)))) naive.add(id);
                }
                assertThat(asWritten).as(text).isEqualTo(folded).isEqualTo(naive);
            }
        }
    }

    @Test
    void anAutomatonTooLargeForItsTableFindsWhatASmallOneFinds() {
        // 2,000 literals of 20 distinct letters each: about 40,000 states, more than the table holds
        List<String> literals = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 20; k++) b.append((char) ('a' + random.nextInt(26)));
            literals.add(b.toString());
        }
        literals.add("mailbox full");
        LiteralAutomaton large = LiteralAutomaton.of(literals);
        String text = "550 " + literals.get(1234) + " / Mailbox full / mailbox full " + literals.get(7).substring(3);
        TreeSet<Integer> found = new TreeSet<>();
        large.scan(text, found::add);
        assertThat(found).containsExactly(1234, 2000);
    }

    @Test
    void readsQuestionMarksCharactersBeyondLatin1AndSurrogatePairsAsWritten() {
        // the scan reads a string's Latin-1 bytes, where all three of these may look alike ('?')
        List<String> literals = List.of("what?", "退信", "é?", "\uD83D\uDE00 ok", "ok");
        LiteralAutomaton a = LiteralAutomaton.of(literals);
        for (String text : List.of("what? é? 退信", "what退 é\uD83D\uDE00 ok", "\uD83D\uDE00 what? \uD83D\uDE00 ok",
                "wha\u0100? ?信 é?", new StringBuilder("what? ok").toString())) {
            TreeSet<Integer> found = new TreeSet<>();
            a.scan(text, found::add);
            TreeSet<Integer> naive = new TreeSet<>();
            for (int id = 0; id < literals.size(); id++) if (text.contains(literals.get(id))) naive.add(id);
            assertThat(found).as(text).isEqualTo(naive);
        }
    }

    @Test
    void anExactAutomatonMatchesCaseAndSpacingAsWritten() {
        List<String> literals = List.of("This is the mail system", "Reporting-MTA:", "a  b", "unknown");
        for (int dense : new int[] {0, 1, 1 << 16}) {
            LiteralAutomaton a = LiteralAutomaton.build(literals, false, dense);
            TreeSet<Integer> found = new TreeSet<>();
            a.scan("this is the mail system; REPORTING-MTA: a b; UNKNOWN", found::add);
            assertThat(found).isEmpty();
            a.scan("This is the mail system at host x. Reporting-MTA: dns; a  b unknown", found::add);
            assertThat(found).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void charactersBeyondAsciiThatNoLiteralUsesRestartTheMatchLikeAnyOther() {
        List<String> literals = List.of("用户不存在", "户不", "不存在x", "a用b", "存在");
        String alphabet = "用户不存在ab 信箱満杯x";
        java.util.Random random = new java.util.Random(5);
        for (int dense : new int[] {0, 1, 1 << 16}) {
            LiteralAutomaton a = LiteralAutomaton.build(literals, false, dense);
            for (int round = 0; round < 2000; round++) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(30); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                TreeSet<Integer> found = new TreeSet<>();
                a.scan(text, found::add);
                TreeSet<Integer> naive = new TreeSet<>();
                for (int id = 0; id < literals.size(); id++) if (text.indexOf(literals.get(id)) >= 0) naive.add(id);
                assertThat(found).as("%s (rows for %d states)", text, dense).isEqualTo(naive);
            }
        }
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

    /**
     * Random literals over a few letters, so that they share starts, middles and ends (branching
     * states, long chains, failure links), found in random texts with the table as
     * with the classic path and as a naive search finds them, exact and folding.
     */
    @Test
    void theTableFindsWhatTheClassicPathAndANaiveSearchFind() {
        java.util.Random random = new java.util.Random(11);
        String letters = "abcab c-é用";
        for (int round = 0; round < 300; round++) {
            java.util.Set<String> unique = new java.util.LinkedHashSet<>();
            for (int k = 1 + random.nextInt(40); k > 0; k--) {
                StringBuilder b = new StringBuilder();
                for (int len = 1 + random.nextInt(12); len > 0; len--) b.append(letters.charAt(random.nextInt(letters.length())));
                String folded = FoldedText.fold(b.toString());
                if (!folded.isEmpty()) unique.add(folded);
            }
            List<String> literals = List.copyOf(unique);
            LiteralAutomaton exact = LiteralAutomaton.build(literals, false, 1 << 16);
            LiteralAutomaton exactClassic = LiteralAutomaton.build(literals, false, 0);
            LiteralAutomaton folding = LiteralAutomaton.build(literals, true, 1 << 16);
            LiteralAutomaton foldingClassic = LiteralAutomaton.build(literals, true, 0);
            // a table that cannot name every state: transitions beyond it take the classic path
            int tableStates = 1 + random.nextInt(12);
            LiteralAutomaton exactPartial = LiteralAutomaton.build(literals, false, 1 << 16, tableStates);
            LiteralAutomaton foldingPartial = LiteralAutomaton.build(literals, true, 1 << 16, tableStates);
            for (int t = 0; t < 20; t++) {
                StringBuilder text = new StringBuilder();
                for (int len = random.nextInt(60); len > 0; len--) {
                    String alphabet = "abcABC  \t-xé用";
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String written = text.toString();
                TreeSet<Integer> naiveExact = new TreeSet<>();
                TreeSet<Integer> naiveFolded = new TreeSet<>();
                for (int id = 0; id < literals.size(); id++) {
                    if (written.contains(literals.get(id))) naiveExact.add(id);
                    if (FoldedText.fold(written).contains(literals.get(id))) naiveFolded.add(id);
                }
                assertThat(found(exact, written)).as("%s in %s", literals, written).isEqualTo(naiveExact)
                        .isEqualTo(found(exactClassic, written)).isEqualTo(found(exactPartial, written));
                assertThat(found(folding, written)).as("%s in %s, folding", literals, written).isEqualTo(naiveFolded)
                        .isEqualTo(found(foldingClassic, written)).isEqualTo(found(foldingPartial, written));
            }
        }
    }

    @Test
    void theBundledKnowledgeBaseHasATableRowForEveryState() {
        // past 32,767 states the whole automaton once fell back to the classic path, at half the
        // classifier's speed; then the table covered only the states a 15-bit number names. With
        // the hit bit out of the entries, a row for every state of today's 35,000 and more
        LiteralAutomaton bundled = KnowledgeBase.bundled().automaton();
        assertThat(bundled.stateCount()).isGreaterThan(32_767);
        assertThat(bundled.tableRows()).isEqualTo(bundled.stateCount());
    }

    private static TreeSet<Integer> found(LiteralAutomaton a, String text) {
        TreeSet<Integer> found = new TreeSet<>();
        a.scan(text, found::add);
        return found;
    }
}
