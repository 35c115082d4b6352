package io.bouncelens.decode.vendor;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.Fixtures;
import io.bouncelens.decode.Limits;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.ReportDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinese providers' notices, which have no public samples: fixtures written from their
 * documented texts (Alibaba's relay sentence and spam-engine refusal, QQ's "无法发送到 ... 对方服务器
 * 返回", Coremail's 系统退信 with NetEase's DT:SPM, 263's Postfix-style lines), in the charsets they
 * use (UTF-8, GBK, GB18030, base64).
 */
class ChineseProvidersTest {

    private final ReportDecoder decoder = ReportDecoder.standard(Limits.DEFAULT);

    private DecodedReport decode(String fixture) {
        return decoder.decode(Fixtures.parse("vendor/" + fixture));
    }

    @ParameterizedTest(name = "{0} is read by {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            alibaba-relay.eml   | alibaba | wangfang@receiver.example | 550 | 5.1.1 | mx.receiver.example | the mta server of mx.receiver.example(203.0.113.25) reply: 550 5.1.1
            alibaba-spam.eml    | alibaba | zhaolei@receiver.example  | -   | -     | -                   | spamed by local spam engine
            tencent.eml         | tencent | sunli@receiver.example    | 550 | -     | -                   | 550 Mailbox not found
            coremail-dtspm.eml  | netease | huangwei@163.com          | 554 | -     | -                   | DT:SPM
            263.eml             | 263     | xuming@receiver.example   | 550 | -     | mx.receiver.example | user not exist
            """)
    void readsTheFailedAddressAndTheRemoteAnswer(String fixture, String format, String address, Integer reply,
                                                 String status, String host, String words) {
        DecodedReport r = decode(fixture);

        assertThat(r.decodedBy()).isEqualTo(format);
        assertThat(r.recipients()).extracting(FailedRecipient::recipient).containsExactly(address);
        FailedRecipient f = r.recipients().get(0);
        assertThat(f.replyCode()).isEqualTo(reply);
        assertThat(f.status()).isEqualTo(status);
        assertThat(f.remoteHost()).isEqualTo(host);
        assertThat(f.diagnosticCode()).contains(words);
    }

    @Test
    void pairsEachRecipientWithItsOwnReason() {
        DecodedReport r = decode("alibaba-two.eml");

        assertThat(r.recipients()).extracting(FailedRecipient::recipient)
                .containsExactly("qianfeng@full.example", "zhouyu@nohost.example");
        FailedRecipient full = r.recipients().get(0);
        assertThat(full.replyCode()).isEqualTo(552);
        assertThat(full.remoteHost()).isEqualTo("mx.full.example");
        FailedRecipient nohost = r.recipients().get(1);
        assertThat(nohost.status()).isEqualTo("5.1.2");
        assertThat(nohost.diagnosticCode()).contains("couldnt find any host named nohost.example");
    }

    @Test
    void reads263sOwnRefusalFromItsLabelledLines() {
        DecodedReport r = decode("263-size.eml");

        assertThat(r.decodedBy()).isEqualTo("263");
        FailedRecipient f = r.recipients().get(0);
        assertThat(f.recipient()).isEqualTo("team.list@receiver263.example");
        assertThat(f.diagnosticCode()).contains("is null, please contact admin");
        assertThat(f.command()).isEqualTo("DATA");
    }

    @Test
    void neverTakesTheReturnedOriginalsAddressesForFailures() {
        List<String> found = decode("alibaba-relay.eml").recipients().stream().map(FailedRecipient::recipient).toList();

        assertThat(found).doesNotContain("liming@sender.example");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"alibaba-newsletter.eml", "tencent-person.eml"})
    void takesNoOrdinaryMailFromAProvidersDomainForABounce(String fixture) {
        assertThat(decode(fixture).kind()).isEqualTo(MessageKind.NOT_BOUNCE);
    }

    @Test
    void readsTheSmtpStepOf263sPostfixLines() {
        assertThat(decode("263.eml").recipients().get(0).command()).isEqualTo("RCPT");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            coremail-dtspm.eml | SPAMDETECTED
            tencent.eml        | USERUNKNOWN
            alibaba-relay.eml  | USERUNKNOWN
            """)
    void endsInTheReasonTheProvidersWordsMean(String fixture, Reason reason) {
        List<BounceRecord> records = Bouncelens.standard()
                .diagnoseMessage(new ByteArrayInputStream(Fixtures.bytes("vendor/" + fixture)), Lang.EN, fixture, 1)
                .records();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).reason()).isEqualTo(reason);
    }
}
