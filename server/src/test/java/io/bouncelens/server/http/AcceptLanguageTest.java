package io.bouncelens.server.http;

import io.bouncelens.Lang;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptLanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7 | ZH_TW",
            "zh-CN,zh;q=0.9 | ZH_CN",
            "en-US,en;q=0.9,zh-CN;q=0.8 | EN",
            "fr-FR,fr;q=0.9,zh-HK;q=0.5 | ZH_TW",
            "ja, en;q=0.1, zh;q=0.2 | ZH_CN",
            "zh-CN;q=0, en;q=0.4 | EN",
            "zh-TW;q=0.5, zh-CN;q=0.5 | ZH_TW",
            "zh-TW;Q=0.500, zh-CN;q=0.501 | ZH_CN",
            "* | EN",
            "de, fr | EN",
            "zh-CN;q=abc, zh-TW;q=0.3 | ZH_TW",
            "'' | EN",
            ",,,;;; | EN"})
    void theLanguageOfOursTheClientWeighsHighestFirstAmongEquals(String header, Lang expected) {
        assertThat(AcceptLanguage.preferred(header)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void onlyTheFirstRangesOfAnEndlessHeaderAreRead() {
        String header = "fr,".repeat(AcceptLanguage.MAX_RANGES) + "zh-TW";
        assertThat(AcceptLanguage.preferred(header)).isEqualTo(Lang.EN);
        assertThat(AcceptLanguage.preferred("fr,".repeat(AcceptLanguage.MAX_RANGES - 1) + "zh-TW")).isEqualTo(Lang.ZH_TW);
    }
}
