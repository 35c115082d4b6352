package io.bouncelens;

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

    /** Accepts the tag in any case, with '-' or '_'; null when it is not one of ours. */
    public static Lang fromTag(String tag) {
        if (tag == null) return null;
        String t = tag.trim().replace('_', '-');
        for (Lang l : values()) if (l.tag.equalsIgnoreCase(t)) return l;
        return null;
    }
}
