package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Header values unfolded and decoded from their bytes, and HTML reports reduced to their text. */
class HeaderValueAndHtmlTest {

    private static String raw(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return EncodedWords.decodeRaw(b, 0, b.length);
    }

    @Test
    void foldedAsciiAndUtf8ValuesComeOutOnOneLine() {
        assertThat(raw(" Undelivered Mail\r\n Returned\n\tto Sender")).isEqualTo("Undelivered Mail Returned\tto Sender");
        assertThat(raw(" Rückläufer:\n Zustellung fehlgeschlagen")).isEqualTo("Rückläufer: Zustellung fehlgeschlagen");
        assertThat(raw(" =?UTF-8?B?6YCA5L+h?=\r\n =?UTF-8?B?6YCA5L+h?=")).isEqualTo("退信退信");
        assertThat(EncodedWords.unfold("a\r\n b\rc\nd")).isEqualTo("a bcd");
        assertThat(raw("  a = b ?= c  \r\n")).as("an '=' and a '?' apart are no word").isEqualTo("a = b ?= c");
        assertThat(raw(" x =?us-ascii?Q?y?=")).isEqualTo("x y");
        assertThat(raw("=")).isEqualTo("=");
        assertThat(raw("")).isEmpty();
    }

    private static String b64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void wordsInACharsetJavaDoesNotKnowAreReadInTheCharsetTheirBytesAreIn() throws Exception {
        byte[] gbk = "季度报告".getBytes("GBK");
        // Mutt's "unknown-8bit" over GBK bytes, Python's "big5_tw" label
        assertThat(raw(" =?unknown-8bit?B?" + b64(gbk) + "?=")).isEqualTo("季度报告");
        assertThat(raw(" =?big5_tw?B?" + b64("季度報告".getBytes("Big5")) + "?=")).isEqualTo("季度報告");
        // a character split between two words, white space between them, stays whole
        byte[] first = java.util.Arrays.copyOfRange(gbk, 0, 3);
        byte[] rest = java.util.Arrays.copyOfRange(gbk, 3, gbk.length);
        assertThat(raw(" Re: =?unknown-8bit?B?" + b64(first) + "?=\r\n =?unknown-8bit?B?" + b64(rest) + "?= (2)"))
                .isEqualTo("Re: 季度报告 (2)");
        // Q words, and beside them words in a charset Java knows, decoded as ever
        assertThat(raw(" =?x-unknown?Q?=E9=80=80_=E4=BF=A1?= =?UTF-8?B?6YCA5L+h?=")).isEqualTo("退 信 退信");
        // what is no valid word stays as it came
        assertThat(raw(" =?unknown-8bit?B?***?=")).isEqualTo("=?unknown-8bit?B?***?=");
        assertThat(raw(" =?unknown-8bit?X?abc?=")).isEqualTo("=?unknown-8bit?X?abc?=");
    }

    @Test
    void scriptsAndStylesAreSkippedWhateverTheCaseOfTheirClosingTag() {
        String html = "<html><head><STYLE>p { color: red }</Style></head><body><p>Delivery failed</p>"
                + "<script>var x = '<b>not text</b>';</SCRIPT><p>550 User unknown</p></body></html>";

        String text = HtmlText.toText(html);

        assertThat(text).contains("Delivery failed").contains("550 User unknown")
                .doesNotContain("color").doesNotContain("not text");
    }
}
