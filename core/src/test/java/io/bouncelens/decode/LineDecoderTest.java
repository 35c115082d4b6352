package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

class LineDecoderTest {

    private static String decode(LineDecoder d, String line, String charset) {
        byte[] b = line.getBytes(Charset.forName(charset));
        return d.decode(b, 0, b.length);
    }

    @Test
    void aGbkLogIsReadAsChineseEvenItsShortestLines() {
        LineDecoder d = new LineDecoder();
        // a line too short for the detector on its own: GBK is what such a line most often is
        assertThat(decode(d, "550 收件人邮箱已满", "GBK")).isEqualTo("550 收件人邮箱已满");
        assertThat(decode(d, "554 邮件被判定为垃圾邮件，请修改内容后重新发送", "GBK")).isEqualTo("554 邮件被判定为垃圾邮件，请修改内容后重新发送");
        assertThat(decode(d, "550 该用户不存在", "GB18030")).isEqualTo("550 该用户不存在");
    }

    @Test
    void aBig5LogIsLearnedFromItsLinesAndKeptForTheShortOnes() {
        LineDecoder d = new LineDecoder();
        assertThat(decode(d, "550 Mailbox not found. 該郵箱不存在或已被凍結，請確認收件者地址", "Big5"))
                .isEqualTo("550 Mailbox not found. 該郵箱不存在或已被凍結，請確認收件者地址");
        assertThat(decode(d, "550 信箱已滿", "Big5")).isEqualTo("550 信箱已滿");
    }

    @Test
    void aShortLineAloneIsToldGbkFromBig5ByTheCharactersItWouldMake() {
        assertThat(decode(new LineDecoder(), "550 信箱已滿", "Big5")).isEqualTo("550 信箱已滿");
        assertThat(decode(new LineDecoder(), "550 收件者不存在", "Big5")).isEqualTo("550 收件者不存在");
        assertThat(decode(new LineDecoder(), "550 收件人邮箱已满", "GBK")).isEqualTo("550 收件人邮箱已满");
        assertThat(decode(new LineDecoder(), "552 邮件太大", "GBK")).isEqualTo("552 邮件太大");
    }

    @Test
    void utf8AsciiLatin1AndIso2022JpLinesAreReadAsTheyAre() {
        LineDecoder d = new LineDecoder();
        assertThat(decode(d, "550 5.1.1 User unknown", "US-ASCII")).isEqualTo("550 5.1.1 User unknown");
        assertThat(decode(d, "550 该用户不存在", "UTF-8")).isEqualTo("550 该用户不存在");
        // one accented letter between ASCII ones is Latin-1 prose, not a Chinese character
        assertThat(decode(d, "550 Adresse non trouvée", "ISO-8859-1")).isEqualTo("550 Adresse non trouvée");
        assertThat(decode(d, "550 ユーザが存在しません", "ISO-2022-JP")).isEqualTo("550 ユーザが存在しません");
        byte[] empty = new byte[0];
        assertThat(d.decode(empty, 0, 0)).isEmpty();
    }

    @Test
    void bytesOfNoCharsetStillGiveALineAndLearningStops() {
        LineDecoder d = new LineDecoder();
        byte[] junk = new byte[LineDecoder.LEARNING_BYTES * 2];
        new java.util.Random(3).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) if (junk[i] == '\n' || junk[i] == '\r') junk[i] = ' ';
        for (int round = 0; round < 3; round++) assertThat(d.decode(junk, 0, junk.length)).isNotNull();
        assertThat(decode(d, "550 5.1.1 User unknown", "US-ASCII")).isEqualTo("550 5.1.1 User unknown");
    }
}
