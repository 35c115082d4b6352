package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole per-message path (MIME parse, charsets, RFC 3464 / ARF / vendor formats / text
 * scanner, classification, advice) on any bytes: it must return, never throw, and describe
 * every problem in one line.
 */
class MessageDecoderFuzzTest {

    @FuzzTest(maxDuration = "45s")
    void diagnosesAnyBytes(byte[] message) {
        MessageDiagnosis diagnosis = Bouncelens.standard()
                .diagnoseMessage(new ByteArrayInputStream(message), Lang.EN, "fuzz.eml", 1);
        assertThat(diagnosis.problems()).allSatisfy(problem -> assertThat(problem).doesNotContain("\n"));
        for (BounceRecord record : diagnosis.records()) {
            assertThat(record.reason()).isNotNull();
            assertThat(record.message()).isEqualTo(1);
        }
    }
}
