package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneLineTest {

    @Test
    void whiteSpaceRunsBecomeOneSpaceAndTheEndsGo() {
        assertThat(OneLine.of("  550 5.1.1\r\n\t User   unknown \n", 100)).isEqualTo("550 5.1.1 User unknown");
        assertThat(OneLine.of("550 5.1.1 User unknown", 9)).isEqualTo("550 5.1.1");
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBmp() {
        String mail = "ab\uD83D\uDCEB"; // 3 characters, 4 chars
        assertThat(OneLine.of(mail, 3)).isEqualTo("ab");
        assertThat(OneLine.of(mail, 4)).isEqualTo(mail);
        assertThat(OneLine.cut(mail + "cd", 3)).isEqualTo("ab…");
        assertThat(OneLine.cut(mail, 4)).as("it fits: no ellipsis").isEqualTo(mail);
        assertThat(OneLine.cut("abc" + "\uD83D\uDCEB", 3)).as("longer by a pair at the cut").isEqualTo("abc…");
    }
}
