package io.bouncelens.classify;

import io.bouncelens.Lang;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A mailbox provider as its {@code [provider]} stanza describes it.
 *
 * @param id     short name reported as {@code provider} (e.g. {@code netease})
 * @param name   human name, in English
 * @param names  its name in other languages ({@code zh-CN.name:}), where it has one there
 * @param hosts  domain suffixes of its mail hosts
 * @param detect folded literals whose presence in a reply says it came from this provider
 */
record KbProvider(String id, String name, Map<Lang, String> names, List<String> hosts, List<String> detect) {

    KbProvider {
        // in the languages' order, so that the knowledge-base image writes the same bytes each time
        EnumMap<Lang, String> copy = new EnumMap<>(Lang.class);
        copy.putAll(names);
        names = Collections.unmodifiableMap(copy);
    }

    /** Its name as a reader of {@code lang} knows it: 网易邮箱 rather than NetEase Mail; else the English one. */
    String name(Lang lang) {
        return names.getOrDefault(lang, name);
    }

    /** A host name as providers' domains are compared with it: lower case, without a final dot. */
    static String normalHost(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
