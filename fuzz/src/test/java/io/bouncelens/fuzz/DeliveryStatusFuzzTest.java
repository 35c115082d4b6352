package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.bouncelens.decode.DeliveryStatus;
import io.bouncelens.decode.DeliveryStatusReader;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.HeaderBlock;
import io.bouncelens.decode.Headers;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 3464 field parser on any text: the body of a message/delivery-status part split into
 * groups, then read field by field (address types, status codes, diagnostic-code types, dates).
 */
class DeliveryStatusFuzzTest {

    private static final int MAX_FIELDS = 1_000;
    private static final int MAX_GROUPS = 1_001;

    @FuzzTest(maxDuration = "30s")
    void readsAnyDeliveryStatusText(@NotNull String text) {
        List<Headers> groups = HeaderBlock.groups(text, MAX_FIELDS, MAX_GROUPS);
        assertThat(groups).hasSizeLessThanOrEqualTo(MAX_GROUPS);
        if (groups.isEmpty()) return;
        for (boolean global : new boolean[] {false, true}) {
            DeliveryStatus dsn = new DeliveryStatus(groups.get(0), groups.subList(1, groups.size()), global);
            List<FailedRecipient> recipients = DeliveryStatusReader.read(dsn);
            assertThat(recipients).hasSizeLessThanOrEqualTo(groups.size() - 1);
        }
    }
}
