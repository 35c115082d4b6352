package io.bouncelens.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a report's status and the server's written code a verdict goes by. */
class StatusChoiceTest {

    private static EnhancedStatus s(String code) {
        return EnhancedStatus.parse(code);
    }

    private static String prefer(String reported, String written, Integer reply) {
        EnhancedStatus chosen = StatusChoice.prefer(reported == null ? null : s(reported),
                written == null ? null : s(written), reply);
        return chosen == null ? null : chosen.toString();
    }

    @Test
    void eitherAloneIsTheAnswer() {
        assertThat(prefer(null, "5.1.1", 550)).isEqualTo("5.1.1");
        assertThat(prefer("5.2.2", null, 552)).isEqualTo("5.2.2");
        assertThat(prefer(null, null, 550)).isNull();
    }

    @Test
    void aPlaceholderOrPartlyGenericReportYieldsToTheServersCode() {
        assertThat(prefer("5.0.0", "5.1.1", 550)).isEqualTo("5.1.1");
        assertThat(prefer("5.1.0", "5.1.1", 550)).isEqualTo("5.1.1");
        assertThat(prefer("5.1.1", "5.0.0", 550)).as("the server said less").isEqualTo("5.1.1");
    }

    @Test
    void aReportingMtasOwnConclusionsYieldToWhatTheServerSaid() {
        assertThat(prefer("4.4.7", "4.2.2", 452)).as("expired: the last attempt says why").isEqualTo("4.2.2");
        assertThat(prefer("5.3.0", "5.7.1", 550)).isEqualTo("5.7.1");
        assertThat(prefer("5.5.1", "5.7.1", 550)).isEqualTo("5.7.1");
        assertThat(prefer("5.1.3", "5.7.1", 553)).isEqualTo("5.7.1");
    }

    @Test
    void aUserUnknownPutOnEveryRefusalYieldsToASpecificReason() {
        assertThat(prefer("5.1.1", "5.7.1", 550)).isEqualTo("5.7.1");
        assertThat(prefer("5.1.1", "5.2.2", 552)).isEqualTo("5.2.2");
        assertThat(prefer("5.1.1", "5.5.0", 550)).as("a protocol code says less").isEqualTo("5.1.1");
    }

    @Test
    void acrossClassesTheReplyCodeDecidesButNeverForASuccess() {
        assertThat(prefer("4.5.0", "5.5.0", 550)).isEqualTo("5.5.0");
        assertThat(prefer("4.5.0", "5.5.0", 450)).isEqualTo("4.5.0");
        assertThat(prefer("4.5.0", "5.5.0", null)).isEqualTo("4.5.0");
        assertThat(prefer("4.4.7", "2.1.5", 250)).as("a transcript's quoted success").isEqualTo("4.4.7");
    }

    @Test
    void otherwiseTheReportsCodeStands() {
        assertThat(prefer("5.2.2", "5.7.1", 550)).isEqualTo("5.2.2");
        assertThat(prefer("5.7.1", "5.1.1", 550)).isEqualTo("5.7.1");
    }
}
