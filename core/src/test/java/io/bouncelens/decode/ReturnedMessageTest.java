package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnedMessageTest {

    @Test
    void everyMarkerHasAnAnchorSoNoMarkerLineIsPassedOver() {
        for (String marker : ReturnedMessage.markers()) {
            assertThat(Arrays.stream(ReturnedMessage.ANCHORS).anyMatch(marker::contains)).as(marker).isTrue();
        }
    }

    @Test
    void findsTheMarkerLineInAnyCaseAndOnlyAShortOne() {
        String text = "Delivery failed.\n" + "x".repeat(250) + " original message follows\n"
                + "Reason: mailbox full\n   ----- ORIGINAL MESSAGE FOLLOWS -----\nFrom: a@example.org\n";

        int start = ReturnedMessage.start(text);

        assertThat(text.substring(start)).startsWith("   ----- ORIGINAL MESSAGE FOLLOWS");
        assertThat(ReturnedMessage.pastedHeaders(text, 10).first("From")).isEqualTo("a@example.org");
    }

    @Test
    void aTextWithoutMarkerIsAllReport() {
        String text = "Mess hall menu: original recipes, more follows tomorrow.\n";

        assertThat(ReturnedMessage.start(text)).isEqualTo(text.length());
    }

    @Test
    void asciiAndOtherLinesAreMatchedAlike() {
        String ascii = "Report\n----- The Original-Message Follows -----\nFrom: a@example.org\n";
        String latin = "Rapport prêt\n----- The Original-Message Follows (copie intégrale) -----\nFrom: a@example.org\n";
        String tricky = "x\noriginal\rmessage\n"; // a CR is not the '-' of "original-message"

        assertThat(ReturnedMessage.start(ascii)).isEqualTo(ascii.indexOf("-----"));
        assertThat(ReturnedMessage.start(latin)).isEqualTo(latin.indexOf("-----"));
        assertThat(ReturnedMessage.start(tricky)).isEqualTo(tricky.length());
    }
}
