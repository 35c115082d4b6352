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

    @Test
    void scriptsAndStylesAreSkippedWhateverTheCaseOfTheirClosingTag() {
        String html = "<html><head><STYLE>p { color: red }</Style></head><body><p>Delivery failed</p>"
                + "<script>var x = '<b>not text</b>';</SCRIPT><p>550 User unknown</p></body></html>";

        String text = HtmlText.toText(html);

        assertThat(text).contains("Delivery failed").contains("550 User unknown")
                .doesNotContain("color").doesNotContain("not text");
    }
}
