package io.bouncelens.classify;

import io.bouncelens.Actor;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.Retry;
import io.bouncelens.advise.Advice;

import com.google.re2j.Pattern;

import java.util.List;
import java.util.Map;

/**
 * One knowledge-base entry, compiled from its stanza.
 *
 * @param id         unique id, reported in {@code evidence}
 * @param file       the file it came from, relative to {@code kb/}
 * @param order      position in the whole knowledge base (earlier wins ties)
 * @param provider   the provider of its file, or null for generic entries
 * @param onlyWhenProviderDetected {@code when: provider}
 * @param tier       how strong its evidence is
 * @param match      alternatives, each a list of folded literals that must all occur
 * @param pattern    an RE2/J pattern run on the folded text once a literal matched, or null
 * @param status     enhanced-status condition, or null
 * @param reply      reply-code condition, or null
 * @param code       the provider's own code, reported as {@code providerCode}, or null
 * @param reason     the verdict
 * @param actor      who must act (null: the reason's default)
 * @param retry      whether retrying helps (null: the reason's default)
 * @param advice     explanation and fix per language (may be empty: the reason's default)
 * @param examples   realistic replies this entry must decide
 */
public record KbEntry(String id, String file, int order, KbProvider provider, boolean onlyWhenProviderDetected,
                      Tier tier, List<List<String>> match, Pattern pattern, StatusCondition status,
                      ReplyCondition reply, String code, Reason reason, Actor actor, Retry retry,
                      Map<Lang, Advice> advice, List<String> examples) {

    /** The provider's id, or null. */
    public String providerId() {
        return provider == null ? null : provider.id();
    }

    /** The provider's name in {@code lang} as its file gives it ("Tencent QQ Mail and Exmail", 腾讯 QQ 邮箱...), or null. */
    public String providerName(Lang lang) {
        return provider == null ? null : provider.name(lang);
    }

    public boolean hasLiterals() {
        return !match.isEmpty();
    }
}
