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

    /** A host name as providers' domains are compared with it: lower case, without a final dot. */
    static String normalHost(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
