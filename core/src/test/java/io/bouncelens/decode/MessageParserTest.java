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

    private static ParsedMessage parse(String message) {
        return Fixtures.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void blankTextPartsAreSkippedAndHtmlIsReadOnlyWithoutPlainText() {
        ParsedMessage withPlain = parse("""
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain

                \s\s
                --b
                Content-Type: text/html

                <p>html only</p>
                --b
                Content-Type: text/plain

                the plain one
                --b--
                """);
        ParsedMessage htmlOnly = parse("""
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain

                --b
                Content-Type: text/html

                <p>html only</p>
                --b--
                """);

        assertThat(withPlain.text()).isEqualTo("the plain one");
        assertThat(htmlOnly.text()).contains("html only").doesNotContain("<p>");
    }

    @Test
    void aBoundaryLineIsTheBoundaryWithTrailingBlanksNotALongerWordStartingWithIt() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@mx.example
                Content-Type: multipart/mixed; boundary="b1"

                preamble
                --b1\t
                Content-Type: text/plain

                first
                --b1x is text of the first part, not a boundary
                --b1 \s
                Content-Type: text/plain

                second
                --b1--
                epilogue, never read
                """);

        assertThat(m.partTypes()).containsExactly("text/plain", "text/plain");
        assertThat(m.text()).isEqualTo("first\n--b1x is text of the first part, not a boundary\n\nsecond");
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void aHeaderLineThatIsNoFieldStartsTheBody() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@mx.example
                Subject : Undeliverable
                This line has no colon, so the header block ended above it.
                X-Not-A-Header: in the body
                """);

        assertThat(m.subject()).isEqualTo("Undeliverable");
        assertThat(m.header("X-Not-A-Header")).isNull();
        assertThat(m.text()).startsWith("This line has no colon").contains("X-Not-A-Header: in the body");
    }

    @Test
    void aPartLeftOpenEndsAtItsParentsBoundaryAndTheMessageIsSaidToEndEarly() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@mx.example
                Content-Type: multipart/report; report-type=delivery-status; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain

                550 5.1.1 User unknown
                --outer
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; nobody@example.org
                Action: failed
                Status: 5.1.1
                --outer--
                """);

        assertThat(m.text()).isEqualTo("550 5.1.1 User unknown");
        assertThat(m.deliveryStatus().perRecipient()).hasSize(1);
        assertThat(m.problems()).anyMatch(p -> p.startsWith("MIME part not closed"));
    }

    @Test
    void partsOfADigestAreMessagesUnlessTheySayOtherwise() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@mx.example
                Content-Type: multipart/digest; boundary="d"

                --d

                From: someone@example.org
                Message-ID: <digested@example.org>
                Subject: the returned message

                body, never read
                --d--
                """);

        assertThat(m.partTypes()).containsExactly("message/rfc822");
        assertThat(m.original().first("Message-ID")).isEqualTo("<digested@example.org>");
    }

    @Test
    void aMultipartWithoutItsBoundaryIsReadAsText() {
        ParsedMessage m = parse("""
                From: MAILER-DAEMON@mx.example
                Content-Type: multipart/mixed; boundary="never-used"

                550 5.2.2 Mailbox full
                """);

        assertThat(m.text()).isEqualTo("550 5.2.2 Mailbox full\n");
        assertThat(m.problems()).anyMatch(p -> p.startsWith("multipart without its boundary"));
    }
}
