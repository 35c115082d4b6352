package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs that a text was written by mail software: a header block pasted into it. */
class BounceSignsTest {

    @Test
    void aPastedTraceFieldIsOneAtTheStartOfALineAsMtasWriteIt() {
        assertThat(BounceSigns.pastesTraceFields("failed\n\nReceived: from a.example by b.example\n")).isTrue();
        assertThat(BounceSigns.pastesTraceFields("Received: by b.example\n")).isTrue();
        assertThat(BounceSigns.pastesTraceFields("I never received: from you a reply\n")).isFalse();
        assertThat(BounceSigns.pastesTraceFields("Received: your parcel\n")).isFalse();
    }

    @Test
    void theReportEndsAboveThePastedBlockIncludingTheFieldsRightAboveItsTraceField() {
        String report = "<a@x.example>: mailbox unavailable\n----\n\nReturn-Path: <s@y.example>\nX-Id: 7\n"
                + "Received: from y.example\n\tby z.example\nSubject: hi\n";

        assertThat(BounceSigns.abovePastedHeaders(report)).isEqualTo("<a@x.example>: mailbox unavailable\n----\n\n");
        assertThat(BounceSigns.abovePastedHeaders("no pasted headers\n")).isEqualTo("no pasted headers\n");
    }
}
