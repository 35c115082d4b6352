package io.bouncelens.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code [id]} block of a {@code .kb} file as written: its keys and their values in order
 * (repeatable keys such as {@code match} keep every value).
 */
record KbStanza(String file, int line, String id, Map<String, List<String>> values) {

    KbStanza {
        values = new LinkedHashMap<>(values);
    }

    String one(String key) {
        List<String> v = values.get(key);
        if (v == null || v.isEmpty()) return null;
        if (v.size() > 1) throw error("key '" + key + "' given more than once");
        return v.get(0);
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    KnowledgeBaseException error(String message) {
        return new KnowledgeBaseException(file + ":" + line + ": [" + id + "] " + message);
    }
}
