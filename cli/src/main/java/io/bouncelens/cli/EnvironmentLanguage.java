package io.bouncelens.cli;

import io.bouncelens.Lang;

import java.util.Map;

/**
 * The language a command answers in when {@code --lang} is not given: {@code BOUNCELENS_LANG},
 * else the locale's language as POSIX says to find it (the first of {@code LC_ALL},
 * {@code LC_MESSAGES} and {@code LANG} that is set), so a mail admin whose terminal runs in
 * {@code zh_CN.UTF-8} or {@code zh_TW.UTF-8} is answered in Chinese without asking. Any other
 * locale ({@code C}, {@code de_DE}) is English, the language the labels are written in.
 */
final class EnvironmentLanguage {

    /** The variable that names the language for bouncelens alone, whatever the locale. */
    static final String VARIABLE = "BOUNCELENS_LANG";

    /** What the option's help says of its default. */
    static final String DEFAULT_DESCRIPTION = "default: $" + VARIABLE + ", else the locale's language when it is "
            + "Chinese (LC_ALL, LC_MESSAGES, LANG), else en";

    private EnvironmentLanguage() {
    }

    /** The language; an {@code IllegalArgumentException} naming the variable when BOUNCELENS_LANG names none. */
    static Lang of(Map<String, String> env) {
        String own = env.get(VARIABLE);
        if (own != null && !own.isBlank()) {
            Lang lang = Lang.fromTag(own);
            if (lang == null) {
                throw new IllegalArgumentException("unknown language '" + own + "' in $" + VARIABLE + " (use en, zh-CN or zh-TW)");
            }
            return lang;
        }
        for (String name : new String[]{"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String locale = env.get(name);
            if (locale == null || locale.isEmpty()) continue;
            Lang lang = Lang.fromTag(locale);
            return lang != null ? lang : Lang.EN;
        }
        return Lang.EN;
    }

    /** The language asked for with {@code --lang}, or the environment's when none was. */
    static Lang resolve(String option, Map<String, String> env) {
        if (option == null) return of(env);
        Lang lang = Lang.fromTag(option);
        if (lang == null) throw new IllegalArgumentException("unknown --lang '" + option + "' (use en, zh-CN or zh-TW)");
        return lang;
    }
}
