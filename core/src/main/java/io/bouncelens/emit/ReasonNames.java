package io.bouncelens.emit;

import io.bouncelens.Lang;
import io.bouncelens.Reason;

import java.util.Collections;
import java.util.EnumMap;
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
        for (Map.Entry<Lang, Map<String, String>> table : LabelWords.load(RESOURCE).entrySet()) {
            Map<Reason, String> byReason = new EnumMap<>(Reason.class);
            table.getValue().forEach((label, name) -> {
                Reason reason = Reason.fromLabel(label);
                if (reason == null) throw new IllegalStateException(RESOURCE + ": no reason is called '" + label + "'");
                byReason.put(reason, name);
            });
            byLang.put(table.getKey(), Collections.unmodifiableMap(byReason));
        }
        return Collections.unmodifiableMap(byLang);
    }
}
