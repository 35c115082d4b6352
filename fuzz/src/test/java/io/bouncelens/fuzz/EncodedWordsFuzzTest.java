package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.decode.EncodedWords;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 2047 encoded words as a sender may forge them, in a returned message's Subject or From. */
class EncodedWordsFuzzTest {

    /**
     * Header values with encoded words of any label, encoding and text: words in charsets Java
     * does not know are decoded by their bytes; whatever comes, a value comes out, and text with no
     * word start is only trimmed.
     */
    @FuzzTest(maxDuration = "20s")
    void decodesAnyEncodedWords(FuzzedDataProvider data) {
        StringBuilder value = new StringBuilder();
        int words = data.consumeInt(0, 6);
        for (int i = 0; i < words; i++) {
            value.append(data.consumeString(8)).append("=?")
                    .append(data.pickValue(new String[]{"unknown-8bit", "utf-8", "big5_tw", "x-\u00e9", ""}))
                    .append('?').append(data.pickValue(new String[]{"B", "q", "X", ""})).append('?')
                    .append(data.consumeString(40)).append(data.consumeBoolean() ? "?=" : "");
        }
        value.append(data.consumeRemainingAsString());
        String decoded = EncodedWords.decode(value.toString());
        assertThat(decoded).isNotNull();
        if (value.indexOf("=?") < 0) assertThat(decoded).isEqualTo(value.toString().trim());
    }
}
