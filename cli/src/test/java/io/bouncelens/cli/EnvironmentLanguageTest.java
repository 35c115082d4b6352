package io.bouncelens.cli;

import io.bouncelens.Lang;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentLanguageTest {

    @Test
    void theLocaleDecidesAsPosixSaysWhenBouncelensLangIsNotSet() {
        assertThat(EnvironmentLanguage.of(Map.of())).isEqualTo(Lang.EN);
        assertThat(EnvironmentLanguage.of(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Lang.ZH_CN);
        assertThat(EnvironmentLanguage.of(Map.of("LANG", "zh_TW.Big5"))).isEqualTo(Lang.ZH_TW);
        assertThat(EnvironmentLanguage.of(Map.of("LANG", "zh_HK.UTF-8"))).isEqualTo(Lang.ZH_TW);
        // LC_ALL over LC_MESSAGES over LANG; the first one set decides, also when it is no Chinese
        assertThat(EnvironmentLanguage.of(Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "zh_TW.UTF-8"))).isEqualTo(Lang.ZH_TW);
        assertThat(EnvironmentLanguage.of(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "C.UTF-8"))).isEqualTo(Lang.EN);
        assertThat(EnvironmentLanguage.of(Map.of("LANG", "de_DE.UTF-8"))).isEqualTo(Lang.EN);
        assertThat(EnvironmentLanguage.of(Map.of("LC_ALL", "", "LANG", "zh_CN.UTF-8"))).as("an empty variable is unset")
                .isEqualTo(Lang.ZH_CN);
    }

    @Test
    void bouncelensLangOverridesTheLocaleAndAnOptionOverridesBoth() {
        Map<String, String> env = Map.of("BOUNCELENS_LANG", "zh-Hant", "LANG", "zh_CN.UTF-8");
        assertThat(EnvironmentLanguage.of(env)).isEqualTo(Lang.ZH_TW);
        assertThat(EnvironmentLanguage.resolve(null, env)).isEqualTo(Lang.ZH_TW);
        assertThat(EnvironmentLanguage.resolve("en", env)).isEqualTo(Lang.EN);
        assertThatThrownBy(() -> EnvironmentLanguage.of(Map.of("BOUNCELENS_LANG", "fr")))
                .hasMessageContaining("BOUNCELENS_LANG").hasMessageContaining("'fr'");
    }

    @Test
    void aTerminalInAChineseLocaleIsAnsweredInChineseUnlessToldOtherwise() throws Exception {
        Map<String, String> taiwan = Map.of("BOUNCELENS_LANG", "", "LC_ALL", "", "LC_MESSAGES", "", "LANG", "zh_TW.UTF-8");
        CliProcess.Run explained = CliProcess.run(taiwan, null, "explain", "550 5.1.1 User unknown");
        assertThat(explained.exit()).isZero();
        assertThat(explained.out()).startsWith("原因: 收件人不存在 (userunknown)，硬退信");

        CliProcess.Run english = CliProcess.run(taiwan, null, "explain", "--lang", "en", "550 5.1.1 User unknown");
        assertThat(english.out()).startsWith("Reason: no such user (userunknown), hard bounce");

        CliProcess.Run own = CliProcess.run(Map.of("BOUNCELENS_LANG", "zh-CN", "LANG", "zh_TW.UTF-8"), null,
                "logs", "--format", "jsonl", "/nonexistent/maillog");
        assertThat(own.err()).contains("读取日志 0 行");

        CliProcess.Run wrong = CliProcess.run(Map.of("BOUNCELENS_LANG", "fr"), null, "explain", "550 5.1.1 User unknown");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("$BOUNCELENS_LANG");
    }
}
