package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.read.InputMessage;
import io.bouncelens.read.MboxSplitter;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mbox splitter on any bytes, with a small per-message cap so the cap is exercised: messages
 * come out numbered 1, 2, 3..., none longer than the cap, and together never more than was read.
 */
class MboxSplitterFuzzTest {

    private static final int MAX_MESSAGE_BYTES = 512;

    @FuzzTest(maxDuration = "30s")
    void splitsAnyBytesIntoBoundedMessages(byte[] mbox) {
        MboxSplitter splitter = new MboxSplitter(new ByteArrayInputStream(mbox), "fuzz.mbox", MAX_MESSAGE_BYTES);
        int expectedIndex = 1;
        long total = 0;
        while (splitter.hasNext()) {
            InputMessage message = splitter.next();
            assertThat(message.index()).isEqualTo(expectedIndex++);
            assertThat(message.bytes().length).isLessThanOrEqualTo(MAX_MESSAGE_BYTES);
            total += message.bytes().length;
            assertThat(total).isLessThanOrEqualTo(mbox.length);
        }
    }
}
