package io.bouncelens.classify;

import io.bouncelens.Actor;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.Retry;
import io.bouncelens.advise.Advice;

import java.util.Map;

/**
 * What {@code kb/advice/reasons.kb} says about a reason when the deciding entry says nothing.
 *
 * @param pseudoStatus the status a record of this reason carries when the report gave none, such as
 *                     {@code X.0.911} (X: 4 or 5 by the record) or {@code 5.0.911}; null for none
 */
public record ReasonDefault(Reason reason, Actor actor, Retry retry, String pseudoStatus, Map<Lang, Advice> advice) {

    /**
     * The pseudo status for a record without one: class 4 when the failure reads as temporary (a
     * 4xx reply code, or no reply code and a text calling itself temporary or persistent), else 5;
     * null when the reason has none (delivered, vacation, feedback).
     */
    public String pseudoStatusFor(Integer replyCode, String text) {
        if (pseudoStatus == null || pseudoStatus.charAt(0) != 'X') return pseudoStatus;
        return (saysTemporary(replyCode, text) ? '4' : '5') + pseudoStatus.substring(1);
    }

    private static boolean saysTemporary(Integer replyCode, String text) {
        if (replyCode != null) return replyCode / 100 == 4;
        if (text == null) return false;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("temporar") || lower.contains("persistent");
    }
}
