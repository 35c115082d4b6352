package io.bouncelens;

import java.util.Locale;

/** Whether sending the same message again can succeed. */
public enum Retry {
    /** Never: the address is gone; remove it. */
    NEVER,
    /** Later, unchanged: the problem is temporary on the receiving side. */
    LATER,
    /** Only after someone fixes something (content, DNS, reputation, account). */
    AFTER_FIX;

    // made once: every record written asks for it
    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    public String label() {
        return label;
    }

    public static Retry fromLabel(String label) {
        if (label == null) return null;
        for (Retry r : values()) if (r.label().equalsIgnoreCase(label.trim())) return r;
        return null;
    }
}
