package io.bouncelens.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.emit.ReasonNames;
import io.bouncelens.server.json.RecordJson;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /reason-names.js}: the reasons' names in words for the web page, from the same table the
 * terminal's text output uses ({@link ReasonNames}), so the two never disagree. It fills the
 * {@code reason} map of each language of {@code i18n.js} ({@code window.BL_I18N}), which the page loads just before it.
 */
final class ReasonNamesScript {

    private ReasonNamesScript() {
    }

    static byte[] render() {
        StringBuilder js = new StringBuilder("// generated from io/bouncelens/emit/reason-names.tsv\n");
        for (Lang lang : Lang.values()) {
            Map<String, String> byLabel = new LinkedHashMap<>();
            for (Map.Entry<Reason, String> e : ReasonNames.all(lang).entrySet()) byLabel.put(e.getKey().label(), e.getValue());
            try {
                js.append("window.BL_I18N[").append(RecordJson.mapper().writeValueAsString(lang.tag())).append("].reason = ")
                        .append(RecordJson.mapper().writeValueAsString(byLabel)).append(";\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e); // strings only: cannot happen
            }
        }
        return js.toString().getBytes(StandardCharsets.UTF_8);
    }
}
