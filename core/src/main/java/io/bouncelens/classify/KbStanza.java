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

    /** The white-space separated words of a value (the syntax of hosts, status and reply lists). */
    static List<String> words(String value) {
        List<String> out = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean space = i == value.length() || Character.isWhitespace(value.charAt(i));
            if (space && start >= 0) {
                out.add(value.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** A value cut at every occurrence of a literal separator ({@code |}, {@code &&}, {@code .}). */
    static List<String> parts(String value, String separator) {
        List<String> out = new java.util.ArrayList<>();
        int from = 0;
        int at;
        while ((at = value.indexOf(separator, from)) >= 0) {
            out.add(value.substring(from, at));
            from = at + separator.length();
        }
        out.add(value.substring(from));
        return out;
    }

    KnowledgeBaseException error(String message) {
        return new KnowledgeBaseException(file + ":" + line + ": [" + id + "] " + message);
    }
}
