package io.bouncelens.decode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageParserTest {

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void readsTheSameReportWhateverTheLineEndings(String ending) {
        String eol = switch (ending) {
            case "CRLF" -> "\r\n";
            case "CR" -> "\r";
            default -> "\n";
        };
        ParsedMessage m = Fixtures.parse(Fixtures.withLineEndings("dsn-postfix.eml", eol));

        assertThat(m.mimeType()).isEqualTo("multipart/report");
        assertThat(m.subject()).isEqualTo("Undelivered Mail Returned to Sender");
        assertThat(m.text()).contains("User unknown in\n    local recipient table").doesNotContain("\r");
        assertThat(m.deliveryStatus()).isNotNull();
        assertThat(m.deliveryStatus().perMessage().first("Reporting-MTA")).isEqualTo("dns; mx.sender.example");
        assertThat(m.deliveryStatus().perRecipient()).hasSize(1);
        assertThat(m.deliveryStatus().perRecipient().get(0).first("Diagnostic-Code"))
                .isEqualTo("smtp; 550 5.1.1 <nobody@receiver.example>: Recipient address rejected: User unknown in local recipient table");
        assertThat(m.problems()).isEmpty();
        assertThat(m.truncated()).isFalse();
    }

    @Test
    void keepsTheOriginalsHeadersButNeverItsBody() {
        ParsedMessage m = Fixtures.parse("dsn-postfix.eml");

        assertThat(m.original().first("Message-ID")).isEqualTo("<original-1@sender.example>");
        assertThat(m.original().first("Subject")).isEqualTo("你好，世界");
        assertThat(m.text()).doesNotContain("must never be scanned");
        assertThat(m.partTypes()).containsExactly("text/plain", "message/delivery-status", "message/rfc822");
    }
}
