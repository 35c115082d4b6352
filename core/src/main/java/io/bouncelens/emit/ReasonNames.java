package io.bouncelens.emit;

import io.bouncelens.Lang;
import io.bouncelens.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Each reason's name in words, per language ("no such user", "收件人不存在"), for people: the text
 * output and the web page show it beside the reason's label. The names are data
 * ({@code reason-names.tsv} beside this class), read once on first use.
 */
public final class ReasonNames {

    private static final String RESOURCE = "reason-names.tsv";
    private static volatile Map<Lang, Map<Reason, String>> names;

    private ReasonNames() {
    }

    /** The reason's name in the language, or its label when the table has none. */
    public static String of(Reason reason, Lang lang) {
        String name = all(lang).get(reason);
        return name == null ? reason.label() : name;
    }

    /** Every reason's name in the language, in the order of {@link Reason}. */
    public static Map<Reason, String> all(Lang lang) {
        Map<Lang, Map<Reason, String>> loaded = names;
        if (loaded == null) {
            loaded = load();
            names = loaded;
        }
        return loaded.get(lang);
    }

    private static Map<Lang, Map<Reason, String>> load() {
        Map<Lang, Map<Reason, String>> byLang = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) byLang.put(lang, new EnumMap<>(Reason.class));
        String text;
        try (InputStream in = ReasonNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int lineNumber = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cells = cells(line.strip());
            Reason reason = Reason.fromLabel(cells.get(0));
            if (reason == null || cells.size() != 1 + Lang.values().length) {
                throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": expected a reason and "
                        + Lang.values().length + " names, tab-separated");
            }
            for (Lang lang : Lang.values()) byLang.get(lang).put(reason, cells.get(1 + lang.ordinal()));
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
