package io.bouncelens;

import java.util.Locale;

/**
 * Why a message bounced, in Sisimai 5.6's names so results can be compared with it and users can
 * migrate. {@link #isHardBounce(String, Integer, String)} holds the one rule for {@code hardBounce}.
 */
public enum Reason {
    HOSTUNKNOWN, USERUNKNOWN, HASMOVED, NOTACCEPT, FILTERED, REJECTED, MAILBOXFULL, SUSPEND,
    SUPPRESSED, CONTENTERROR, EMAILTOOLARGE, FEEDBACK, NOTCOMPLIANTRFC, POLICYVIOLATION,
    SECURITYERROR, VIRUSDETECTED, SPAMDETECTED, AUTHFAILURE, BADREPUTATION, BLOCKED, EXPIRED,
    MAILERERROR, NETWORKERROR, NORELAYING, RATELIMITED, REQUIREPTR, SYSTEMERROR, SYSTEMFULL,
    FAILEDSTARTTLS, DELIVERED, SYNTAXERROR, VACATION, ONHOLD, UNDEFINED;

    // made once: every record written asks for it
    private final String label = name().toLowerCase(Locale.ROOT);

    /** The name used in JSON, CSV and the knowledge base: lower case, as Sisimai writes it. */
    public String label() {
        return label;
    }

    /** Parses a label such as {@code userunknown}; null when it names no reason. */
    public static Reason fromLabel(String label) {
        if (label == null) return null;
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * True only where retrying the address can never work: the address or its domain does not exist
     * or has moved, or the host refuses all mail, and the server said so for good. A server that
     * says it only for now (a 4xx reply code, else a 4.x.x status) asks to be asked again: Postfix
     * answers "450 4.1.1 ... unverified address" while it verifies a recipient and "450 4.1.2 ...
     * Domain not found" while DNS fails, and an address suppressed on such an answer would be lost.
     * So does a report whose action is {@code delayed}: whoever sent it is still trying (a sending
     * service's soft bounce that names a missing address, with no code of the server's to go by).
     *
     * @param action    the report's action for the recipient ({@code failed}, {@code delayed}, ...), or null
     * @param replyCode the SMTP reply code, or null when unknown
     * @param status    the enhanced status code, or null when unknown
     */
    public boolean isHardBounce(String action, Integer replyCode, String status) {
        if ("delayed".equalsIgnoreCase(action)) return false;
        return switch (this) {
            case USERUNKNOWN, HOSTUNKNOWN, HASMOVED, NOTACCEPT -> !isTemporary(replyCode, status);
            default -> false;
        };
    }

    /** The server's answer is temporary: a 4xx reply code, or without one a 4.x.x status. */
    public static boolean isTemporary(Integer replyCode, String status) {
        return replyCode != null ? replyCode / 100 == 4 : status != null && status.startsWith("4");
    }
}
