package io.bouncelens;

import java.util.Locale;

/** The languages explanations and fixes are written in. */
public enum Lang {
    EN("en"), ZH_CN("zh-CN"), ZH_TW("zh-TW");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag: {@code en}, {@code zh-CN}, {@code zh-TW}. */
    public String tag() {
        return tag;
    }

    /**
     * The language for a BCP 47 tag or a POSIX locale name, in any case, with '-' or '_': any
     * {@code en} is English; Chinese is Traditional when the tag names that script ({@code
     * zh-Hant}) or a place that writes it ({@code zh-TW}, {@code zh-HK}, {@code zh-MO}) and
     * Simplified otherwise ({@code zh}, {@code zh-Hans}, {@code zh-SG}, {@code zh_CN.UTF-8}). Null
     * for any other language, and for a tag that is no tag.
     */
    public static Lang fromTag(String tag) {
        if (tag == null) return null;
        String t = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        // a POSIX locale's encoding and modifier (zh_TW.UTF-8, zh_CN@pinyin) say nothing of the language
        int end = t.length();
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '.' || t.charAt(i) == '@') {
                end = i;
                break;
            }
        }
        t = t.substring(0, end);
        String primary = subtag(t, 0);
        if (primary.equals("en")) return t.length() == 2 || isSubtags(t) ? EN : null;
        if (!primary.equals("zh") || !isSubtags(t)) return null;
        boolean traditional = false;
        for (int start = 3; start < t.length(); ) {
            String sub = subtag(t, start);
            switch (sub) {
                case "hant", "tw", "hk", "mo" -> traditional = true;
                case "hans" -> {
                    return ZH_CN; // the script decides over the place: zh-Hans-HK is Simplified
                }
                default -> {
                }
            }
            start += sub.length() + 1;
        }
        return traditional ? ZH_TW : ZH_CN;
    }

    /** The subtag that starts at {@code start}: up to the next '-'. */
    private static String subtag(String t, int start) {
        int end = t.indexOf('-', start);
        return t.substring(start, end < 0 ? t.length() : end);
    }

    /** Letters and digits in subtags of 1 to 8, separated by single '-'. */
    private static boolean isSubtags(String t) {
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-') {
                if (run == 0) return false;
                run = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (++run > 8) return false;
            } else {
                return false;
            }
        }
        return run > 0;
    }
}
