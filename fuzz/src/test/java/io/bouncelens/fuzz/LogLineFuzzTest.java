package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MTA log readers (Postfix, Sendmail, Exim) and the records made of what they read, on any
 * line: never an exception, and every record names a recipient, an action and a reason.
 */
class LogLineFuzzTest {

    private static final Set<String> ACTIONS = Set.of("failed", "delayed", "delivered");

    @FuzzTest(maxDuration = "20s")
    void diagnosesAnyLogLine(@NotNull String line) {
        List<BounceRecord> records = Bouncelens.standard().explainLogLine(line, Lang.EN, "mail.log", 1);
        assertThat(records).hasSizeLessThanOrEqualTo(1_000);
        for (BounceRecord r : records) {
            assertThat(r.recipient()).isNotBlank();
            assertThat(r.action()).isIn(ACTIONS);
            assertThat(r.reason()).isNotNull();
        }
    }
}
