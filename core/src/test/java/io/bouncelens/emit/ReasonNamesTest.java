package io.bouncelens.emit;

import io.bouncelens.Lang;
import io.bouncelens.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonNamesTest {

    @Test
    void everyReasonHasANameInEveryLanguageAndTheChineseOnesAreChinese() {
        for (Reason r : Reason.values()) {
            assertThat(ReasonNames.all(Lang.EN)).as(r.label()).containsKey(r);
            assertThat(ReasonNames.of(r, Lang.EN)).as(r.label()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
            for (Lang zh : new Lang[]{Lang.ZH_CN, Lang.ZH_TW}) {
                assertThat(ReasonNames.of(r, zh)).as(zh + " " + r.label()).containsPattern("\\p{IsHan}");
            }
        }
        assertThat(ReasonNames.of(Reason.MAILBOXFULL, Lang.ZH_CN)).isNotEqualTo(ReasonNames.of(Reason.MAILBOXFULL, Lang.ZH_TW));
    }
}
