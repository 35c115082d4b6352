package io.bouncelens.classify;

import java.util.List;

/**
 * A mailbox provider as its {@code [provider]} stanza describes it.
 *
 * @param id     short name reported as {@code provider} (e.g. {@code netease})
 * @param name   human name
 * @param hosts  domain suffixes of its mail hosts
 * @param detect folded literals whose presence in a reply says it came from this provider
 */
record KbProvider(String id, String name, List<String> hosts, List<String> detect) {

    /** A host name as {@link #ownsNormalHost} takes it: lower case, without a final dot. */
    static String normalHost(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /**
     * True when the host ({@link #normalHost}, made once for all providers) is one of the
     * provider's domains or under one of them.
     */
    boolean ownsNormalHost(String h) {
        for (String suffix : hosts) {
            if (h.equals(suffix) || (h.endsWith(suffix) && h.charAt(h.length() - suffix.length() - 1) == '.')) {
                return true;
            }
        }
        return false;
    }
}
