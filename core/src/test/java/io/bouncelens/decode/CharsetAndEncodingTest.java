package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetAndEncodingTest {

    @Test
    void detectsUnlabeledGb18030InsideBase64() {
        ParsedMessage m = Fixtures.parse("cn-gb18030-base64.eml");

        assertThat(m.text()).contains("您发送的邮件未能送达以下收件人").contains("reply: 550 Mailbox not found");
        assertThat(m.subject()).isEqualTo("系统退信");
        assertThat(m.from()).startsWith("系统退信 <postmaster@");
    }

    @Test
    void readsBig5TextThatIsLabeledIso88591() {
        ParsedMessage m = Fixtures.parse("tw-big5-qp-mislabeled.eml");

        assertThat(m.text()).contains("您的郵件無法傳遞給下列收件人").contains("收件人信箱已滿");
        assertThat(m.subject()).isEqualTo("郵件無法傳遞");
        assertThat(m.original().first("Subject")).isEqualTo("會議");
    }

    @Test
    void decodesRfc2231CharsetParameterAndUtf8Text() {
        ParsedMessage m = Fixtures.parse("global-dsn-utf8.eml");

        assertThat(m.text()).contains("Ваше письмо не доставлено.");
        assertThat(m.original().first("Subject")).isEqualTo("Привет");
    }

    @Test
    void rfc2231JoinsContinuationsAndPercentDecodes() {
        MediaType t = MediaType.parse("text/plain; name*0*=utf-8''%E9%80%80; name*1*=%E4%BF%A1.txt; charset=\"GB2312\"");

        assertThat(t.type()).isEqualTo("text/plain");
        assertThat(t.parameter("name")).isEqualTo("退信.txt");
        assertThat(t.parameter("charset")).isEqualTo("GB2312");
    }

    @Test
    void decodesEachCjkCharsetByItsLabel() {
        String[][] cases = {
                {"GB2312", "邮箱已满"}, {"GBK", "邮箱容量不足"}, {"GB18030", "收件人不存在"}, {"Big5", "信箱已滿"},
                {"Shift_JIS", "宛先不明"}, {"EUC-KR", "사서함이 가득"}, {"ISO-2022-JP", "宛先が見つかりません"},
                {"UTF-8", "用户不存在"}};
        for (String[] c : cases) {
            byte[] bytes = c[1].getBytes(Charset.forName(c[0]));
            assertThat(Charsets.decode(bytes, c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void detectsUnlabeledShiftJisAndIso2022Jp() {
        String text = "このメールは宛先不明のため配送できませんでした。受信者のメールアドレスを確認してください。";
        assertThat(Charsets.decode(text.getBytes(Charset.forName("ISO-2022-JP")), null)).isEqualTo(text);
        assertThat(Charsets.decode(text.getBytes(Charset.forName("Shift_JIS")), null)).isEqualTo(text);
    }

    @Test
    void detectsCjkTextUnderASingleByteLabelButKeepsLatinProseAsLabelled() {
        String chinese = "您好，收件人邮箱已满，请稍后重试。";
        assertThat(Charsets.decode(chinese.getBytes(Charset.forName("GB2312")), "iso-8859-1")).isEqualTo(chinese);
        String big5 = "收件人信箱已滿";
        assertThat(Charsets.decode(big5.getBytes(Charset.forName("Big5")), "windows-1252")).isEqualTo(big5);
        String french = "Le message n'a pas pu être remis à son destinataire. Vérifiez l'adresse « dupont » et réessayez.";
        assertThat(Charsets.decode(french.getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1")).isEqualTo(french);
        String german = "Die Nachricht konnte nicht zugestellt werden: Postfach voll, Empfänger unbekannt.";
        assertThat(Charsets.decode(german.getBytes(Charset.forName("windows-1252")), "windows-1252")).isEqualTo(german);
    }

    @Test
    void takesBinaryDataSentAsTextByteForByteWithoutGuessingACharset() {
        byte[] image = new byte[4096];
        new java.util.Random(7).nextBytes(image);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(png, 0, image, 0, png.length);
        // (mail's ISO-8859-1 is read as its superset windows-1252, as every Latin-1 label is)
        String byteForByte = new String(image, Charset.forName("windows-1252"));
        assertThat(Charsets.decode(image, "iso-8859-1")).isEqualTo(byteForByte);
        assertThat(Charsets.decode(image, null)).isEqualTo(byteForByte);
    }

    @Test
    void trustsValidUtf8OverAWrongLabel() {
        assertThat(Charsets.decode("退信通知".getBytes(StandardCharsets.UTF_8), "iso-8859-1")).isEqualTo("退信通知");
    }

    @Test
    void reducesAnHtmlOnlyReportToText() {
        String message = "From: postmaster@mx.example\nSubject: Undeliverable\nMIME-Version: 1.0\n"
                + "Content-Type: text/html; charset=utf-8\n\n"
                + "<html><head><style>p{color:red}</style></head><body><p>Delivery has failed to:</p>"
                + "<p>bob&#64;receiver.example</p><div>Remote server returned &#39;550 5.1.10 RESOLVER.ADR.RecipientNotFound&#39;</div>"
                + "<script>var x = '<p>';</script></body></html>\n";
        ParsedMessage m = Fixtures.parse(message.getBytes(StandardCharsets.UTF_8));

        assertThat(m.text()).contains("Delivery has failed to:\n").contains("\nbob@receiver.example\n")
                .contains("Remote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'")
                .doesNotContain("color").doesNotContain("var x").doesNotContain("<");
    }
}
