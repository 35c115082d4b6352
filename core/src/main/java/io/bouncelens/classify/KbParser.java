package io.bouncelens.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code .kb} format (docs/knowledge-base.md): {@code [id]} starts a stanza, {@code key:
 * value} lines fill it, a line starting with white space continues the previous value, {@code #}
 * at the start of a line or after two spaces starts a comment.
 */
final class KbParser {

    private KbParser() {
    }

    static List<KbStanza> parse(String file, Reader source) throws IOException {
        List<KbStanza> stanzas = new ArrayList<>();
        BufferedReader in = new BufferedReader(source);
        String id = null;
        int idLine = 0;
        Map<String, List<String>> values = new LinkedHashMap<>();
        String lastKey = null;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            if (Character.isWhitespace(line.charAt(0))) {
                if (lastKey == null) throw new KnowledgeBaseException(file + ":" + lineNo + ": continuation line without a key");
                List<String> list = values.get(lastKey);
                int last = list.size() - 1;
                list.set(last, (list.get(last) + " " + withoutComment(trimmed)).strip());
                continue;
            }
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]") || trimmed.length() < 3) {
                    throw new KnowledgeBaseException(file + ":" + lineNo + ": bad stanza header '" + trimmed + "'");
                }
                if (id != null) stanzas.add(new KbStanza(file, idLine, id, values));
                id = trimmed.substring(1, trimmed.length() - 1).strip();
                idLine = lineNo;
                values = new LinkedHashMap<>();
                lastKey = null;
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) throw new KnowledgeBaseException(file + ":" + lineNo + ": expected 'key: value', got '" + trimmed + "'");
            if (id == null) throw new KnowledgeBaseException(file + ":" + lineNo + ": key before the first [id]");
            String key = trimmed.substring(0, colon).strip();
            String value = withoutComment(trimmed.substring(colon + 1)).strip();
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            lastKey = key;
        }
        if (id != null) stanzas.add(new KbStanza(file, idLine, id, values));
        return stanzas;
    }

    /** A comment after a value is "#" preceded by at least two spaces, so "(#5.5.0)" stays text. */
    private static String withoutComment(String value) {
        int i = value.indexOf("  #");
        return i < 0 ? value : value.substring(0, i);
    }
}
