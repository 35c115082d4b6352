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
 * @param temporary    for a reason permanent by nature (userunknown, hostunknown), what is said
 *                     instead when the server answered only for now (a 4xx reply, else a 4.x.x
 *                     status; {@link Reason#isTemporary}): its own actor, retry and advice, which
 *                     replace the deciding entry's; null when the reason has no such stanza
 */
public record ReasonDefault(Reason reason, Actor actor, Retry retry, String pseudoStatus, Map<Lang, Advice> advice,
                            ReasonDefault temporary) {

    public ReasonDefault(Reason reason, Actor actor, Retry retry, String pseudoStatus, Map<Lang, Advice> advice) {
        this(reason, actor, retry, pseudoStatus, advice, null);
    }

    public ReasonDefault withTemporary(ReasonDefault whenTemporary) {
        return new ReasonDefault(reason, actor, retry, pseudoStatus, advice, whenTemporary);
    }

    /** The stanza that applies to a failure with this reply code and status. */
    public ReasonDefault forAnswer(Integer replyCode, String status) {
        return temporary != null && Reason.isTemporary(replyCode, status) ? temporary : this;
    }

    /**
     * The pseudo status for a record without one, of class 4 for a {@code temporary} failure
     * unless the reason has only a permanent one; null when the reason has none (delivered,
     * vacation, feedback).
     */
    public String pseudoStatusFor(boolean temporary) {
        if (pseudoStatus == null || pseudoStatus.charAt(0) != 'X') return pseudoStatus;
        return (temporary ? '4' : '5') + pseudoStatus.substring(1);
    }
}
