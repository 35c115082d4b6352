package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDecoderTest {

    private final ReportDecoder decoder = ReportDecoder.standard(Limits.DEFAULT);

    @Test
    void readsEachRecipientOfAnRfc3464Report() {
        DecodedReport r = decoder.decode(Fixtures.parse("dsn-postfix.eml"));

        assertThat(r.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(r.decodedBy()).startsWith("rfc3464");
        assertThat(r.addresser()).isEqualTo("alice@sender.example");
        assertThat(r.messageId()).isEqualTo("<original-1@sender.example>");
        List<FailedRecipient> rs = r.recipients();
        assertThat(rs).hasSize(1);
        FailedRecipient f = rs.get(0);
        assertThat(f.recipient()).isEqualTo("nobody@receiver.example");
        assertThat(f.action()).isEqualTo("failed");
        assertThat(f.status()).isEqualTo("5.1.1");
        assertThat(f.replyCode()).isEqualTo(550);
        assertThat(f.remoteHost()).isEqualTo("mx.receiver.example");
        assertThat(f.reportingMta()).isEqualTo("mx.sender.example");
        assertThat(f.diagnosticCode()).startsWith("550 5.1.1 <nobody@receiver.example>: Recipient address rejected");
    }
}
