package io.bouncelens.classify;

/**
 * How strong a kind of evidence is; the winner comes from the strongest tier that has a match.
 * Declaration order is rank order.
 */
public enum Tier {
    /** A provider's own code or text: its reading beats every generic one. */
    PROVIDER("provider"),
    /** A phrase that says the reason by itself ("user unknown", "mailbox full"). */
    TEXT("text"),
    /** A specific enhanced status code (5.1.1, 5.2.2, 4.7.26). */
    STATUS("status"),
    /** A phrase that says something but not enough to beat a specific code ("rejected", "not allowed"). */
    WEAK("weak"),
    /** A generic enhanced status code (5.0.0, 5.7.1, 4.7.0). */
    GENERIC("generic"),
    /** Only the reply code or its class (550, 4xx). */
    REPLY("reply");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Tier fromLabel(String s) {
        for (Tier t : values()) if (t.label.equalsIgnoreCase(s.trim())) return t;
        return null;
    }
}
