package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.log.LogReader;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MTA log readers (Postfix, Sendmail, Exim, qmail, PowerMTA, Exchange) and the records made of what they read, on
 * any line and on any text read as a log's lines: never an exception, and every record names a
 * recipient, an action and a reason.
 */
class LogLineFuzzTest {

    private static final Set<String> ACTIONS = Set.of("failed", "delayed", "delivered");

    @FuzzTest(maxDuration = "20s")
    void diagnosesAnyLogLine(@NotNull String text) {
        check(Bouncelens.standard().explainLogLine(text, Lang.EN, "mail.log", 1));
        // the same text as the lines of one log, read in turn (qmail's deliveries take two lines)
        LogReader reader = new LogReader();
        int number = 0;
        for (String line : text.split("\n", 200)) {
            check(Bouncelens.standard().logRecords(reader.read(line), Lang.EN, "mail.log", ++number));
        }
    }

    private static void check(List<BounceRecord> records) {
        assertThat(records).hasSizeLessThanOrEqualTo(1_000);
        for (BounceRecord r : records) {
            assertThat(r.recipient()).isNotBlank();
            assertThat(r.action()).isIn(ACTIONS);
            assertThat(r.reason()).isNotNull();
        }
    }
}
