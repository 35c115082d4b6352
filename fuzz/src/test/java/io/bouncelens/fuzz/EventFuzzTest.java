package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.event.EventSource;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as sending services' JSON events (seeded with an SES notification in its SNS
 * envelope, a SendGrid batch, Mailgun, Postmark, SparkPost and Mandrill webhooks): reading ends, a
 * problem is one line, and every record has a recipient, an action and a reason.
 */
class EventFuzzTest {

    private static final Bouncelens BOUNCELENS = Bouncelens.standard();

    @FuzzTest(maxDuration = "30s")
    void diagnosesAnyBytesAsEvents(byte[] json) {
        try (EventSource source = new EventSource(new ByteArrayInputStream(json))) {
            int last = 0;
            while (source.hasNext()) {
                EventSource.Event e = source.next();
                assertThat(e.number()).isGreaterThan(last);
                last = e.number();
                if (e.problem() != null) assertThat(e.problem()).doesNotContain("\n").isNotBlank();
                for (BounceRecord r : BOUNCELENS.eventRecords(e.report(), Lang.ZH_CN, "fuzz", e.number())) {
                    assertThat(r.recipient()).isNotNull();
                    assertThat(r.action()).isNotNull();
                    assertThat(r.reason()).isNotNull();
                }
            }
        }
    }
}
