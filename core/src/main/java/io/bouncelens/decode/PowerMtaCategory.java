package io.bouncelens.decode;

import io.bouncelens.Reason;

import java.util.Locale;

/**
 * PowerMTA's bounce category: the class its own reply patterns gave a failure, written in its
 * DSNs ({@code X-PowerMTA-BounceCategory: bad-mailbox}) and in the {@code bounceCat} column of its
 * accounting files. Where it names a reason it is the format's hint, which the classifier follows
 * when the reply itself says little.
 */
public final class PowerMtaCategory {

    private PowerMtaCategory() {
    }

    /** The reason a category names, or null for one that names none (other, bad-connection, ...) or no category. */
    public static Reason hint(String category) {
        if (category == null) return null;
        return switch (category.strip().toLowerCase(Locale.ROOT)) {
            case "bad-mailbox" -> Reason.USERUNKNOWN;
            case "bad-domain" -> Reason.HOSTUNKNOWN;
            case "inactive-mailbox" -> Reason.SUSPEND;
            case "quota-issues" -> Reason.MAILBOXFULL;
            case "message-expired" -> Reason.EXPIRED;
            case "no-answer-from-host" -> Reason.NETWORKERROR;
            case "routing-errors" -> Reason.SYSTEMERROR;
            case "relaying-issues" -> Reason.NORELAYING;
            case "invalid-sender" -> Reason.REJECTED;
            case "policy-related" -> Reason.POLICYVIOLATION;
            case "spam-related" -> Reason.SPAMDETECTED;
            case "virus-related" -> Reason.VIRUSDETECTED;
            case "content-related" -> Reason.CONTENTERROR;
            // bad-configuration, bad-connection, protocol-errors, other: the reply decides
            default -> null;
        };
    }
}
