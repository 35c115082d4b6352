package io.bouncelens.classify;

import io.bouncelens.Lang;
import io.bouncelens.advise.Advice;
import io.bouncelens.advise.KnowledgeBaseAdviceBook;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry of the bundled knowledge base is tested through its own {@code example:} lines: the
 * example must be decided by that entry, with an explanation and a fix in all three languages.
 */
class KnowledgeBaseEntriesTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final KnowledgeBaseClassifier CLASSIFIER = new KnowledgeBaseClassifier(KB);
    private static final KnowledgeBaseAdviceBook ADVICE = new KnowledgeBaseAdviceBook(KB);

    @TestFactory
    Stream<DynamicTest> everyExampleIsDecidedByItsOwnEntry() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KbEntry entry : KB.entries()) {
            tests.add(DynamicTest.dynamicTest(entry.id() + " has an example",
                    () -> assertThat(entry.examples()).as(entry.file() + " [" + entry.id() + "]").isNotEmpty()));
            for (String example : entry.examples()) {
                tests.add(DynamicTest.dynamicTest(entry.id() + ": " + example, () -> {
                    Classification c = CLASSIFIER.classify(ReplyEvidence.ofText(example));
                    assertThat(c.entryId()).as("entry deciding '%s' (%s)", example, c.evidence()).isEqualTo(entry.id());
                    assertThat(c.reason()).isEqualTo(entry.reason());
                    assertThat(c.actor()).as("actor").isNotNull();
                    assertThat(c.retry()).as("retry").isNotNull();
                    if (entry.provider() != null) assertThat(c.provider()).isEqualTo(entry.providerId());
                    for (Lang lang : Lang.values()) {
                        Advice a = ADVICE.adviceFor(c, lang);
                        assertThat(a.explanation()).as(lang + " explanation").isNotBlank();
                        assertThat(a.fix()).as(lang + " fix").isNotBlank();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aDottedLocalPartThatDoesNotExistIsAMissingMailboxNotAMissingDomain() {
        assertThat(CLASSIFIER.classify(ReplyEvidence.ofText("550 john.smith does not exist")).reason())
                .isEqualTo(io.bouncelens.Reason.USERUNKNOWN);
        assertThat(CLASSIFIER.classify(ReplyEvidence.ofText("550 5.1.1 mary.jones.sales does not exist")).reason())
                .isEqualTo(io.bouncelens.Reason.USERUNKNOWN);
        assertThat(CLASSIFIER.classify(ReplyEvidence.ofText("553 mail.receiver.example.com does not exist")).reason())
                .isEqualTo(io.bouncelens.Reason.HOSTUNKNOWN);
    }

    @TestFactory
    Stream<DynamicTest> adviceIsWrittenInTheLanguageItIsFiledUnder() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KbEntry entry : KB.entries()) {
            tests.add(DynamicTest.dynamicTest(entry.id(), () -> checkLanguages(entry.id(), entry.advice())));
        }
        for (io.bouncelens.Reason reason : io.bouncelens.Reason.values()) {
            tests.add(DynamicTest.dynamicTest("default advice for " + reason.label(), () -> {
                ReasonDefault d = KB.reasonDefault(reason);
                assertThat(d).as("kb/advice/reasons.kb has " + reason.label()).isNotNull();
                assertThat(d.actor()).isNotNull();
                assertThat(d.retry()).isNotNull();
                assertThat(d.advice()).containsKeys(Lang.values());
                checkLanguages("advice." + reason.label(), d.advice());
                // what the report itself says it is has no failure code to stand in for
                boolean noFailure = reason == io.bouncelens.Reason.DELIVERED || reason == io.bouncelens.Reason.VACATION
                        || reason == io.bouncelens.Reason.FEEDBACK;
                assertThat(d.pseudoStatus() == null).as(reason.label() + " pseudo-status").isEqualTo(noFailure);
            }));
        }
        return tests.stream();
    }

    private static final java.util.regex.Pattern ASCII_MARK_AFTER_HAN = java.util.regex.Pattern.compile("\\p{IsHan}[,;:()!?]|[,;]\\p{IsHan}");

    private static void checkLanguages(String id, java.util.Map<Lang, Advice> advice) {
        for (var e : advice.entrySet()) {
            String text = e.getValue().explanation() + " " + e.getValue().fix();
            assertThat(e.getValue().explanation()).as(id + " " + e.getKey() + " explanation").isNotBlank();
            assertThat(e.getValue().fix()).as(id + " " + e.getKey() + " fix").isNotBlank();
            if (e.getKey() == Lang.EN) {
                // English may quote a product's Chinese name ("超大附件"), but is written in English.
                assertThat(TraditionalChinese.chineseShare(text)).as(id + " en is English").isLessThan(0.1);
            } else {
                assertThat(TraditionalChinese.hasChinese(text)).as(id + " " + e.getKey() + " is Chinese").isTrue();
                // Chinese punctuation is full width: "特征，拒绝", "查询 IP，先" and "（MX 记录）", not "特征,拒绝" or "IP,先"
                java.util.regex.Matcher ascii = ASCII_MARK_AFTER_HAN.matcher(text);
                assertThat(ascii.find() ? ascii.group() : null).as(id + " " + e.getKey() + " has ASCII punctuation after Chinese in: " + text)
                        .isNull();
            }
            if (e.getKey() == Lang.ZH_TW) {
                int at = TraditionalChinese.firstSimplified(text);
                assertThat(at).as(id + " zh-TW has a Simplified-only character in: " + text).isEqualTo(-1);
            }
        }
    }

    @Test
    void everyProviderHasItsNameInEachChineseScript() {
        assertThat(KB.providers()).isNotEmpty();
        for (KbProvider p : KB.providers()) {
            assertThat(p.name(Lang.EN)).as(p.id()).isEqualTo(p.name());
            String cn = p.name(Lang.ZH_CN);
            String tw = p.name(Lang.ZH_TW);
            assertThat(TraditionalChinese.hasChinese(cn)).as(p.id() + " zh-CN: " + cn).isTrue();
            assertThat(TraditionalChinese.hasChinese(tw)).as(p.id() + " zh-TW: " + tw).isTrue();
            assertThat(TraditionalChinese.firstSimplified(tw)).as(p.id() + " zh-TW has a Simplified-only character: " + tw)
                    .isEqualTo(-1);
            assertThat(ASCII_MARK_AFTER_HAN.matcher(cn + tw).find()).as(p.id() + " names with full-width punctuation").isFalse();
        }
    }

    @Test
    void idsAreUniqueAndReasonsKnown() {
        assertThat(KB.entries()).extracting(KbEntry::id).doesNotHaveDuplicates();
        assertThat(KB.entries()).allSatisfy(e -> assertThat(e.reason()).isNotNull());
    }
}
