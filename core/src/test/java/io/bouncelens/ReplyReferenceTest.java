package io.bouncelens;

import io.bouncelens.classify.KbEntry;
import io.bouncelens.classify.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyReferenceTest {

    private static final Bouncelens BOUNCELENS = Bouncelens.standard();

    @Test
    void everyEntryWithAnExampleIsOneReplyInItsProvidersOrItsFilesSection() {
        List<ReplyReference.Section> sections = BOUNCELENS.replyReference(Lang.EN);
        List<KbEntry> withExamples = KnowledgeBase.bundled().entries().stream().filter(e -> !e.examples().isEmpty()).toList();
        long inReasonFiles = withExamples.stream().filter(e -> e.providerId() == null && e.file().startsWith("reason/")).count();
        int outsideReasons = sections.stream().filter(s -> s.kind() != ReplyReference.Kind.REASON)
                .mapToInt(s -> s.replies().size()).sum();
        assertThat(outsideReasons + inReasonFiles).isEqualTo(withExamples.size());
        assertThat(sections).extracting(ReplyReference.Section::id).doesNotHaveDuplicates();

        // providers first, in the knowledge base's order; then languages, reasons by name, status tables
        List<ReplyReference.Kind> kinds = sections.stream().map(ReplyReference.Section::kind).toList();
        assertThat(kinds).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(kinds).contains(ReplyReference.Kind.values());
        List<String> providers = KnowledgeBase.bundled().entries().stream().map(KbEntry::providerId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        assertThat(sections.subList(0, providers.size())).extracting(ReplyReference.Section::id).isEqualTo(providers);
        assertThat(sections.stream().filter(s -> s.kind() == ReplyReference.Kind.REASON).map(ReplyReference.Section::id).toList())
                .isSorted();
    }

    @Test
    void aReasonsSectionHoldsEveryReplyOfThatReasonTheGenericOnesFirst() {
        List<ReplyReference.Section> sections = BOUNCELENS.replyReference(Lang.EN);
        Map<String, ReplyReference.Section> byId = new HashMap<>();
        sections.forEach(s -> byId.put(s.id(), s));
        for (ReplyReference.Section s : sections) {
            if (s.kind() == ReplyReference.Kind.REASON) continue;
            for (BounceRecord r : s.replies()) {
                if (r.reason() == Reason.UNDEFINED) {
                    assertThat(byId).as(r.diagnosticCode()).doesNotContainKey("undefined");
                } else {
                    assertThat(byId.get(r.reason().label()).replies()).as(r.diagnosticCode()).contains(r);
                }
            }
        }
        // someone looking up "user unknown" finds Tencent's and NetEase's ways of saying it, after any server's
        List<BounceRecord> unknown = byId.get("userunknown").replies();
        assertThat(unknown).extracting(BounceRecord::provider).contains("tencent", "netease", "microsoft");
        assertThat(unknown.get(0).provider()).isNull();
        int firstProviders = 0;
        while (unknown.get(firstProviders).provider() == null) firstProviders++;
        assertThat(unknown.size()).isGreaterThan(2 * firstProviders);
        // the sending services' own refusals: any service's words first, then DirectMail's and MailChannels'
        List<BounceRecord> suppressed = byId.get("suppressed").replies();
        assertThat(suppressed.get(0).provider()).isNull();
        assertThat(suppressed).extracting(BounceRecord::provider).contains("aliyun-directmail", "mailchannels");
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
    void theChineseProvidersGoByTheirChineseNames() {
        Map<String, String> cn = new HashMap<>();
        Map<String, String> tw = new HashMap<>();
        BOUNCELENS.replyReference(Lang.ZH_CN).forEach(s -> cn.put(s.id(), s.name()));
        BOUNCELENS.replyReference(Lang.ZH_TW).forEach(s -> tw.put(s.id(), s.name()));
        assertThat(cn.get("netease")).startsWith("网易");
        assertThat(tw.get("netease")).startsWith("網易");
        assertThat(cn.get("tencent")).startsWith("腾讯");
        assertThat(tw.get("tencent")).startsWith("騰訊");
        assertThat(cn.get("alibaba")).startsWith("阿里");
    }

    @Test
    void sectionsAndAdviceAreInTheLanguageAsked() {
        List<ReplyReference.Section> en = BOUNCELENS.replyReference(Lang.EN);
        List<ReplyReference.Section> tw = BOUNCELENS.replyReference(Lang.ZH_TW);
        assertThat(tw).extracting(ReplyReference.Section::id).isEqualTo(en.stream().map(ReplyReference.Section::id).toList());
        for (int i = 0; i < en.size(); i++) {
            // every section's title is in the reader's language, a provider's too (網易郵箱, not NetEase Mail)
            assertThat(tw.get(i).name()).as(en.get(i).id()).isNotEqualTo(en.get(i).name()).containsPattern("[\\u4e00-\\u9fff]");
            assertThat(tw.get(i).replies().get(0).fix()).containsPattern("[\\u4e00-\\u9fff]");
        }
    }
}
