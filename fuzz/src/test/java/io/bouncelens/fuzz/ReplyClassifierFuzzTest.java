package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyClassifierFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void explainsAnyReplyWithoutThrowing(String reply) {
        BounceRecord record = Bouncelens.explain(reply, Lang.EN);
        assertThat(record.reason()).isNotNull();
    }
}
