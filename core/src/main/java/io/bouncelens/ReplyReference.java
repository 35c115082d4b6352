package io.bouncelens;

import io.bouncelens.classify.KbEntry;
import io.bouncelens.classify.KnowledgeBase;
import io.bouncelens.emit.ReasonNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knowledge base read as a reference, the way a provider's help page lists its bounce
 * messages: for each provider, for the texts any server may send (by language, by status code),
 * and for each reason across all of them, every reply bouncelens knows, each with what diagnosing
 * it gives: the reason,
 * hard or soft, who acts, the explanation and the fix. A reply is the first {@code example:} of
 * its knowledge-base entry, and its record is what {@link Bouncelens#explainReply} answers for
 * it, so the reference can never say something else than a diagnosis would.
 */
public final class ReplyReference {

    /** What a section gathers: one provider's replies, or generic ones by language, reason or status. */
    public enum Kind {
        PROVIDER, LANGUAGE, REASON, STATUS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One section: {@code id} is the provider's id ({@code tencent}), the reason's label
     * ({@code userunknown}) or the file's name ({@code chinese}, {@code rfc3463}).
     */
    public record Section(String id, Kind kind, String name, List<BounceRecord> replies) {
        public Section {
            replies = List.copyOf(replies);
        }
    }

    /** Titles (en, zh-CN, zh-TW) of the sections that are neither a provider (named by its file) nor a reason (by its name). */
    private static final Map<String, String[]> TITLES = Map.of(
            "chinese", new String[]{"Texts in Chinese", "中文退信文字", "中文退信文字"},
            "japanese", new String[]{"Texts in Japanese", "日文退信文字", "日文退信文字"},
            "european", new String[]{"Texts in European languages", "欧洲语言的退信文字", "歐洲語言的退信文字"},
            "korean", new String[]{"Texts in Korean", "韩文退信文字", "韓文退信文字"},
            "vietnamese", new String[]{"Texts in Vietnamese", "越南文退信文字", "越南文退信文字"},
            "rfc3463", new String[]{"Enhanced status codes (RFC 3463)", "增强状态码（RFC 3463）", "增強狀態碼（RFC 3463）"},
            "reply-codes", new String[]{"SMTP reply codes", "SMTP 回复码", "SMTP 回覆碼"});

    private ReplyReference() {
    }

    /**
     * Every section: the providers in the knowledge base's order, then the languages, the reasons
     * (by name) and the status tables. A provider's, language's or table's section holds the replies
     * of its entries, in their order. A reason's holds every reply that diagnoses as that reason,
     * wherever its entry is: first the reason file's own, which any server may send, then the
     * providers' and the others' in the knowledge base's order, since someone who looks up
     * "mailbox full" wants every way of saying it. A reply that reads as {@code undefined} is in no
     * reason's section.
     */
    static List<Section> of(KnowledgeBase kb, Bouncelens bouncelens, Lang lang) {
        Map<String, SectionBuilder> home = new LinkedHashMap<>();
        for (KbEntry entry : kb.entries()) {
            if (entry.examples().isEmpty()) continue;
            SectionBuilder section = home.computeIfAbsent(key(entry), k -> new SectionBuilder(entry, lang));
            section.replies.add(bouncelens.explainReply(entry.examples().get(0), lang));
        }
        Map<Reason, List<BounceRecord>> byReason = new TreeMap<>(Comparator.comparing(Reason::label));
        for (SectionBuilder s : home.values()) {
            if (s.kind == Kind.REASON) byReason.computeIfAbsent(Reason.fromLabel(s.id), r -> new ArrayList<>()).addAll(s.replies);
        }
        for (SectionBuilder s : home.values()) {
            if (s.kind == Kind.REASON) continue;
            for (BounceRecord r : s.replies) {
                if (r.reason() != Reason.UNDEFINED) byReason.computeIfAbsent(r.reason(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Section> out = new ArrayList<>();
        for (Kind kind : List.of(Kind.PROVIDER, Kind.LANGUAGE)) {
            for (SectionBuilder s : home.values()) if (s.kind == kind) out.add(new Section(s.id, s.kind, s.name, s.replies));
        }
        byReason.forEach((reason, replies) ->
                out.add(new Section(reason.label(), Kind.REASON, ReasonNames.of(reason, lang), replies)));
        for (SectionBuilder s : home.values()) if (s.kind == Kind.STATUS) out.add(new Section(s.id, s.kind, s.name, s.replies));
        return List.copyOf(out);
    }

    /** The section an entry belongs to: its provider, else its file. */
    private static String key(KbEntry entry) {
        return entry.providerId() != null ? "provider/" + entry.providerId() : entry.file();
    }

    private static final class SectionBuilder {
        final String id;
        final Kind kind;
        final String name;
        final List<BounceRecord> replies = new ArrayList<>();

        SectionBuilder(KbEntry first, Lang lang) {
            String file = first.file();
            int slash = file.indexOf('/');
            String folder = slash < 0 ? "" : file.substring(0, slash);
            String stem = file.substring(slash + 1, file.endsWith(".kb") ? file.length() - 3 : file.length());
            if (first.providerId() != null) {
                id = first.providerId();
                kind = Kind.PROVIDER;
                name = first.providerName(lang) != null ? first.providerName(lang) : id;
            } else if (folder.equals("reason") && Reason.fromLabel(stem) != null) {
                id = stem;
                kind = Kind.REASON;
                name = ReasonNames.of(Reason.fromLabel(stem), lang);
            } else {
                id = stem;
                kind = folder.equals("language") ? Kind.LANGUAGE : Kind.STATUS;
                String[] titles = TITLES.get(stem);
                name = titles == null ? stem : switch (lang) {
                    case EN -> titles[0];
                    case ZH_CN -> titles[1];
                    case ZH_TW -> titles[2];
                };
            }
        }
    }
}
