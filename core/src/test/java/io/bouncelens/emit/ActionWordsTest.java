package io.bouncelens.emit;

import io.bouncelens.Actor;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.Retry;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ActionWordsTest {

    @Test
    void everyActorAndRetryHasWordsInEveryLanguageAndTheChineseOnesAreChinese() {
        for (Lang lang : Lang.values()) {
            assertThat(ActionWords.actors(lang).keySet()).as(lang.tag())
                    .containsExactlyInAnyOrder(java.util.Arrays.stream(Actor.values()).map(Actor::label).toArray(String[]::new));
            assertThat(ActionWords.retries(lang).keySet()).as(lang.tag())
                    .containsExactlyInAnyOrder(java.util.Arrays.stream(Retry.values()).map(Retry::label).toArray(String[]::new));
        }
        for (Actor a : Actor.values()) {
            assertThat(ActionWords.of(a, Lang.EN)).doesNotContainPattern("\\p{IsHan}");
            assertThat(ActionWords.of(a, Lang.ZH_CN)).containsPattern("\\p{IsHan}").doesNotContainPattern("\\p{IsHan}[,;:()]");
            assertThat(ActionWords.of(a, Lang.ZH_TW)).containsPattern("\\p{IsHan}").doesNotContainPattern("\\p{IsHan}[,;:()]");
        }
        assertThat(ActionWords.of(Retry.LATER, Lang.ZH_CN)).isNotEqualTo(ActionWords.of(Retry.LATER, Lang.ZH_TW));
    }

    @Test
    void theTerminalSaysWhoActsAndWhetherToRetryInWordsWithTheLabelsBeside() throws Exception {
        BounceRecord unknown = Bouncelens.explain("550 5.1.1 <a@example.com>: User unknown");
        for (Lang lang : Lang.values()) {
            StringWriter text = new StringWriter();
            new TextRecordWriter(text, lang).write(Bouncelens.explain("550 5.1.1 <a@example.com>: User unknown", lang));
            assertThat(text.toString()).as(lang.tag())
                    .contains(": " + ActionWords.of(unknown.actor(), lang) + " (recipient-address)\n")
                    // "never" in English is its own label: said once
                    .contains(lang == Lang.EN ? ": never\n" : ": " + ActionWords.of(Retry.NEVER, lang) + " (never)\n");
        }
        assertThat(ActionWords.of(Actor.RECIPIENT_ADDRESS, Lang.EN)).isEqualTo("the sender: fix or drop the address");
    }
}
