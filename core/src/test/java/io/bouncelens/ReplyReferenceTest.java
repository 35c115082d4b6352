package io.bouncelens;

import io.bouncelens.classify.KbEntry;
import io.bouncelens.classify.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyReferenceTest {

    private static final Bouncelens BOUNCELENS = Bouncelens.standard();

    @Test
    void everyEntryWithAnExampleIsOneReplyInItsProvidersOrItsFilesSection() {
        List<ReplyReference.Section> sections = BOUNCELENS.replyReference(Lang.EN);
        long examples = KnowledgeBase.bundled().entries().stream().filter(e -> !e.examples().isEmpty()).count();
        assertThat(sections.stream().mapToInt(s -> s.replies().size()).sum()).isEqualTo((int) examples);
        assertThat(sections).extracting(ReplyReference.Section::id).doesNotHaveDuplicates();

        // providers first, in the knowledge base's order; then the texts any server sends
        List<ReplyReference.Kind> kinds = sections.stream().map(ReplyReference.Section::kind).toList();
        int firstGeneric = kinds.indexOf(ReplyReference.Kind.LANGUAGE);
        assertThat(kinds.subList(0, firstGeneric)).containsOnly(ReplyReference.Kind.PROVIDER).isNotEmpty();
        assertThat(kinds.subList(firstGeneric, kinds.size())).doesNotContain(ReplyReference.Kind.PROVIDER);
        List<String> providers = KnowledgeBase.bundled().entries().stream().map(KbEntry::providerId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        assertThat(sections.subList(0, firstGeneric)).extracting(ReplyReference.Section::id).isEqualTo(providers);
    }

    @Test
    void eachReplyReadsAsDiagnosingItWouldWithTheSectionsProviderOrReason() {
        for (ReplyReference.Section section : BOUNCELENS.replyReference(Lang.ZH_TW)) {
            assertThat(section.name()).as(section.id()).isNotBlank();
            for (BounceRecord r : section.replies()) {
                assertThat(r).isEqualTo(BOUNCELENS.explainReply(r.diagnosticCode(), Lang.ZH_TW));
                assertThat(r.fix()).as(r.diagnosticCode()).isNotBlank();
                if (section.kind() == ReplyReference.Kind.PROVIDER) {
                    assertThat(r.provider()).as(r.diagnosticCode()).isEqualTo(section.id());
                }
                if (section.kind() == ReplyReference.Kind.REASON) {
                    assertThat(r.reason().label()).as(r.diagnosticCode()).isEqualTo(section.id());
                }
            }
        }
    }

    @Test
    void sectionsAndAdviceAreInTheLanguageAsked() {
        List<ReplyReference.Section> en = BOUNCELENS.replyReference(Lang.EN);
        List<ReplyReference.Section> tw = BOUNCELENS.replyReference(Lang.ZH_TW);
        assertThat(tw).extracting(ReplyReference.Section::id).isEqualTo(en.stream().map(ReplyReference.Section::id).toList());
        for (int i = 0; i < en.size(); i++) {
            if (en.get(i).kind() != ReplyReference.Kind.PROVIDER) {
                assertThat(tw.get(i).name()).as(en.get(i).id()).isNotEqualTo(en.get(i).name()).containsPattern("[\\u4e00-\\u9fff]");
            }
            assertThat(tw.get(i).replies().get(0).fix()).containsPattern("[\\u4e00-\\u9fff]");
        }
    }
}
