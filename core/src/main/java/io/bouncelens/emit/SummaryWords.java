package io.bouncelens.emit;

import io.bouncelens.Lang;
import io.bouncelens.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of a run's closing lines on stderr in the run's language ({@code summary-words.tsv}
 * beside this class): a Chinese reader who asked for {@code --lang zh-CN} gets "读取邮件 3 封，退信
 * 2 封" rather than "3 messages read, 2 bounces". English keeps the words scripts have read so far.
 */
public final class SummaryWords {

    private static final class Table {
        static final Map<Lang, Map<String, String>> WORDS = LabelWords.load("summary-words.tsv");
    }

    private final Map<String, String> words;
    private final Lang lang;

    public SummaryWords(Lang lang) {
        this.lang = lang;
        this.words = Table.WORDS.get(lang);
    }

    /** The count in words: {@code key.one} for 1 where the table has it, else {@code key}. */
    public String count(String key, long n) {
        String template = n == 1 ? words.getOrDefault(key + ".one", words.get(key)) : words.get(key);
        if (template == null) throw new IllegalArgumentException("summary-words.tsv has no " + key);
        return template.replace("{n}", Long.toString(n));
    }

    /** What goes between two counts: ", " or "，". */
    public String comma() {
        return words.get("comma");
    }

    /**
     * The second line: the records per reason, most frequent first, equal counts by label.
     * English shows the labels alone, as it always has; Chinese shows the reason's name with the
     * label beside it, the way the text output's reason line does.
     */
    public String byReason(Map<Reason, Integer> counts) {
        StringBuilder b = new StringBuilder(words.get("by-reason"));
        String separator = "";
        List<Map.Entry<Reason, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<Reason, Integer>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().label()));
        for (Map.Entry<Reason, Integer> e : sorted) {
            b.append(separator);
            if (lang == Lang.EN) b.append(e.getKey().label());
            else b.append(ReasonNames.of(e.getKey(), lang)).append(" (").append(e.getKey().label()).append(')');
            b.append(' ').append(e.getValue());
            separator = comma();
        }
        return b.toString();
    }
}
