package io.bouncelens.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.emit.ActionWords;
import io.bouncelens.emit.ReasonNames;
import io.bouncelens.server.json.RecordJson;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /record-words.js}: a record's labels in words for the web page (the reasons' names, who
 * acts, whether to retry), from the same tables the terminal's text output uses ({@link ReasonNames},
 * {@link ActionWords}), so the two never disagree. It fills the {@code reason}, {@code actor} and
 * {@code retryWord} maps of each language of {@code i18n.js} ({@code window.BL_I18N}), which the page
 * loads just before it.
 */
final class RecordWordsScript {

    private RecordWordsScript() {
    }

    static byte[] render() {
        StringBuilder js = new StringBuilder("// generated from io/bouncelens/emit/{reason-names,actor-words,retry-words}.tsv\n");
        for (Lang lang : Lang.values()) {
            Map<String, String> reasons = new LinkedHashMap<>();
            for (Map.Entry<Reason, String> e : ReasonNames.all(lang).entrySet()) reasons.put(e.getKey().label(), e.getValue());
            assign(js, lang, "reason", reasons);
            assign(js, lang, "actor", ActionWords.actors(lang));
            assign(js, lang, "retryWord", ActionWords.retries(lang));
        }
        return js.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assign(StringBuilder js, Lang lang, String key, Map<String, String> words) {
        try {
            js.append("window.BL_I18N[").append(RecordJson.mapper().writeValueAsString(lang.tag())).append("].").append(key)
                    .append(" = ").append(RecordJson.mapper().writeValueAsString(words)).append(";\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // strings only: cannot happen
        }
    }
}
