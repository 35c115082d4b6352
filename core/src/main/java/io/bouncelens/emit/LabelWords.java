package io.bouncelens.emit;

import io.bouncelens.Lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a table of words for labels, one per language: a resource beside this class, one line per
 * label, the label then its words in the order of {@link Lang}, tab-separated; {@code #} starts a
 * comment line. The tables are data so that the terminal's text and the web page read the same words.
 */
final class LabelWords {

    private LabelWords() {
    }

    /** Each language's words by label, in the table's order; a malformed line fails with its number. */
    static Map<Lang, Map<String, String>> load(String resource) {
        Map<Lang, Map<String, String>> byLang = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) byLang.put(lang, new LinkedHashMap<>());
        String text;
        try (InputStream in = LabelWords.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int lineNumber = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cells = cells(line.strip());
            if (cells.size() != 1 + Lang.values().length || cells.stream().anyMatch(String::isBlank)) {
                throw new IllegalStateException(resource + ":" + lineNumber + ": expected a label and "
                        + Lang.values().length + " words, tab-separated");
            }
            for (Lang lang : Lang.values()) byLang.get(lang).put(cells.get(0), cells.get(1 + lang.ordinal()));
        }
        byLang.replaceAll((lang, map) -> Collections.unmodifiableMap(map));
        return Collections.unmodifiableMap(byLang);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        int from = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', from)) {
            cells.add(line.substring(from, tab));
            from = tab + 1;
        }
        cells.add(line.substring(from));
        return cells;
    }
}
