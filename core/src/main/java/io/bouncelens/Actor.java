package io.bouncelens;

import java.util.Locale;

/** Who has to act so that the next attempt succeeds. */
public enum Actor {
    SENDER_CONTENT, SENDER_INFRASTRUCTURE, SENDER_ACCOUNT, RECIPIENT_ADDRESS, RECIPIENT_MAILBOX,
    RECIPIENT_ADMIN, NETWORK, NONE;

    // made once: every record written asks for it
    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in JSON and the knowledge base, e.g. {@code sender-content}. */
    public String label() {
        return label;
    }

    public static Actor fromLabel(String label) {
        if (label == null) return null;
        for (Actor a : values()) if (a.label().equalsIgnoreCase(label.trim())) return a;
        return null;
    }
}
