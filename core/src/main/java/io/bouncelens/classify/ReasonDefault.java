package io.bouncelens.classify;

import io.bouncelens.Actor;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.Retry;
import io.bouncelens.advise.Advice;

import java.util.Map;

/** What {@code kb/advice/reasons.kb} says about a reason when the deciding entry says nothing. */
public record ReasonDefault(Reason reason, Actor actor, Retry retry, Map<Lang, Advice> advice) {
}
