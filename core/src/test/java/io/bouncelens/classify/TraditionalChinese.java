package io.bouncelens.classify;

/**
 * A sanity check for zh-TW text: characters that exist only in Simplified Chinese (their Traditional
 * forms differ) must not appear. A short list of the ones mail texts use most, not a converter.
 */
final class TraditionalChinese {

    /** Simplified forms; Traditional: 郵們發該絡務達帳刪認證復類設過這對時後從給讓請為應無網戶號碼議轉頻數據態錯誤間問題與開關. */
    static final String SIMPLIFIED_ONLY = "邮们发该络务达账删认证复类设过这对时后从给让请为应无网户号码议转频数据态错误间问题与开关";

    private TraditionalChinese() {
    }

    /** The first Simplified-only character in {@code text}, or -1. */
    static int firstSimplified(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (SIMPLIFIED_ONLY.indexOf(text.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** The share of the letters of {@code text} that are CJK ideographs. */
    static double chineseShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return letters == 0 ? 0 : (double) han / letters;
    }

    /** True when {@code text} holds at least one CJK ideograph (it is written in Chinese). */
    static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
