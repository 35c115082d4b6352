package io.bouncelens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LangTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "en, EN", "EN, EN", "en-US, EN", "en_GB.UTF-8, EN",
            "zh-CN, ZH_CN", "zh_cn, ZH_CN", "zh, ZH_CN", "zh-Hans, ZH_CN", "zh-SG, ZH_CN", "zh_CN.UTF-8, ZH_CN",
            "zh-Hans-HK, ZH_CN",
            "zh-TW, ZH_TW", "zh-tw, ZH_TW", "zh-Hant, ZH_TW", "zh-HK, ZH_TW", "zh-MO, ZH_TW", "zh-Hant-CN, ZH_TW",
            "zh_TW.Big5, ZH_TW", "' zh-hk ', ZH_TW"})
    void aTagOrLocaleNameGivesTheLanguageAndScriptItMeans(String tag, Lang expected) {
        assertThat(Lang.fromTag(tag)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ja-JP", "english", "", "zh-", "-zh", "zh--TW", "zh-toolongsubtag", "zh TW", "e"})
    void anotherLanguageOrNoTagIsNone(String tag) {
        assertThat(Lang.fromTag(tag)).isNull();
    }
}
