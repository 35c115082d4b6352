package io.bouncelens.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mailbox's URL as a label value: whatever its user name holds, the sample stays one well-formed line. */
class MetricsTextTest {

    @Test
    void quotesBackslashesAndLineEndsInALabelAreEscaped() {
        assertThat(MetricsText.labelValue("imaps://a\"b\\c\nd@imap.example.org/INBOX"))
                .isEqualTo("imaps://a\\\"b\\\\c\\nd@imap.example.org/INBOX");
        assertThat(MetricsText.labelValue("imaps://bounces@imap.example.org/INBOX")).isEqualTo("imaps://bounces@imap.example.org/INBOX");
    }
}
