package io.bouncelens.server.policy;

import io.bouncelens.Actor;
import io.bouncelens.BounceRecord;
import io.bouncelens.Reason;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what one bounce does to its recipient's standing.
 *
 * <ul>
 *   <li>Hard bounces (the address or domain is gone), complaints and addresses another sender
 *       already suppressed are suppressed at once.</li>
 *   <li>Sender-side reasons (blocked, rate limits, authentication, reputation, PTR, TLS, content
 *       filters...) never suppress: the recipient is fine, the sender must fix something. They are
 *       raised as alerts on the dashboard instead.</li>
 *   <li>Other failures are soft: the recipient is suppressed once {@code softLimit} of them arrive
 *       within {@code softWindow} and since the last delivery to it (the store keeps that).</li>
 * </ul>
 *
 * @param softLimit  soft bounces that suppress an address (default 3)
 * @param softWindow the window they must fall in (default 7 days)
 */
public record SuppressionPolicy(int softLimit, Duration softWindow) {

    public static final int DEFAULT_SOFT_LIMIT = 3;
    public static final int DEFAULT_SOFT_WINDOW_DAYS = 7;

    /** What a bounce does; stored with it so counts and alerts are simple queries. */
    public enum Effect {
        /** Suppress the recipient now. */
        SUPPRESS,
        /** Counts towards the soft-bounce limit. */
        SOFT,
        /** About the sender, not the recipient: an alert, never a suppression. */
        SENDER,
        /** Not a failure (delivered, delayed, relayed, vacation) or no recipient. */
        NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reasons that describe the sender's infrastructure, account or content, not the recipient. */
    public static final Set<Reason> SENDER_SIDE = EnumSet.of(
            Reason.BLOCKED, Reason.RATELIMITED, Reason.AUTHFAILURE, Reason.BADREPUTATION,
            Reason.REQUIREPTR, Reason.SECURITYERROR, Reason.NORELAYING, Reason.FAILEDSTARTTLS,
            Reason.SPAMDETECTED, Reason.VIRUSDETECTED, Reason.CONTENTERROR, Reason.POLICYVIOLATION,
            Reason.NOTCOMPLIANTRFC, Reason.EMAILTOOLARGE, Reason.SYNTAXERROR);

    private static final Set<Reason> NOT_A_FAILURE = EnumSet.of(
            Reason.DELIVERED, Reason.VACATION);

    public SuppressionPolicy {
        if (softLimit < 1) throw new IllegalArgumentException("soft-bounce limit must be at least 1");
        if (softWindow.isNegative() || softWindow.isZero()) {
            throw new IllegalArgumentException("soft-bounce window must be positive");
        }
    }

    public static SuppressionPolicy defaults() {
        return new SuppressionPolicy(DEFAULT_SOFT_LIMIT, Duration.ofDays(DEFAULT_SOFT_WINDOW_DAYS));
    }

    public Effect effectOf(BounceRecord record) {
        if (record.recipient() == null || record.recipient().isBlank()) return Effect.NONE;
        String action = record.action() == null ? "" : record.action().toLowerCase(Locale.ROOT);
        if (NOT_A_FAILURE.contains(record.reason())) return Effect.NONE;
        if (action.equals("delivered") || action.equals("relayed") || action.equals("expanded")
                || action.equals("vacation") || action.equals("delayed")) {
            return Effect.NONE;
        }
        if (record.reason() == Reason.FEEDBACK || action.equals("feedback")) return Effect.SUPPRESS;
        if (record.hardBounce() || record.reason() == Reason.SUPPRESSED) return Effect.SUPPRESS;
        if (isSenderSide(record)) return Effect.SENDER;
        return Effect.SOFT;
    }

    public static boolean isSenderSide(BounceRecord record) {
        if (SENDER_SIDE.contains(record.reason())) return true;
        Actor actor = record.actor();
        return actor == Actor.SENDER_CONTENT || actor == Actor.SENDER_INFRASTRUCTURE
                || actor == Actor.SENDER_ACCOUNT;
    }
}
