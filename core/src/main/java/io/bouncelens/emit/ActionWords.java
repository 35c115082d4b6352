package io.bouncelens.emit;

import io.bouncelens.Actor;
import io.bouncelens.Lang;
import io.bouncelens.Retry;

import java.util.Map;

/**
 * Who acts and whether to retry, in words per language ("the sender: fix or drop the address",
 * "发件人：更正或删除该地址"), for people: the text output shows them beside the labels the JSON
 * carries, and the web page uses the same tables ({@code actor-words.tsv}, {@code retry-words.tsv}
 * beside this class), so a reader gets the same answer in both.
 */
public final class ActionWords {

    private static final class Tables {
        static final Map<Lang, Map<String, String>> ACTORS = LabelWords.load("actor-words.tsv");
        static final Map<Lang, Map<String, String>> RETRIES = LabelWords.load("retry-words.tsv");
    }

    private ActionWords() {
    }

    /** Who acts, in words; the label when the table has none. */
    public static String of(Actor actor, Lang lang) {
        return Tables.ACTORS.get(lang).getOrDefault(actor.label(), actor.label());
    }

    /** Whether to retry, in words; the label when the table has none. */
    public static String of(Retry retry, Lang lang) {
        return Tables.RETRIES.get(lang).getOrDefault(retry.label(), retry.label());
    }

    /** Every actor's words in the language, by label. */
    public static Map<String, String> actors(Lang lang) {
        return Tables.ACTORS.get(lang);
    }

    /** Every retry's words in the language, by label. */
    public static Map<String, String> retries(Lang lang) {
        return Tables.RETRIES.get(lang);
    }
}
