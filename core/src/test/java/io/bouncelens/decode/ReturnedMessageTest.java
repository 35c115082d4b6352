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
    void findsAMarkerWhoseAnchorAlsoStandsEarlierInTheLine() {
        // "message" twice: the first "mess" belongs to no marker, the second to one
        String text = "Report\nMessage 2 of 2 - original message follows:\nFrom: a@example.org\n";

        assertThat(ReturnedMessage.start(text)).isEqualTo("Report\n".length());
    }

    @Test
    void aLineThatDeniesTheCopyIsNoMarker() {
        String text = "The following addresses did NOT receive a copy of your message:\n> ann@example.org\n"
                + "Below is a copy of your message:\nFrom: a@example.org\n";

        assertThat(ReturnedMessage.start(text)).isEqualTo(text.indexOf("Below"));
        String another = "Mailbox full.\nPlease do not reply. The original message follows:\nFrom: a@example.org\n";
        assertThat(ReturnedMessage.start(another)).isEqualTo("Mailbox full.\n".length());
    }

    @Test
    void aTextWithoutMarkerIsAllReport() {
        String text = "Mess hall menu: original recipes, more follows tomorrow.\n";

        assertThat(ReturnedMessage.start(text)).isEqualTo(text.length());
    }

    /** The last search is remembered per string: texts asked in turn, or equal ones, still get their own answer. */
    @Test
    void textsAskedInTurnEachGetTheirOwnMarker() {
        String a = "Failed.\n----- Original message -----\nFrom: a@example.org\n";
        String b = "Failed, and more words first.\nBelow this line is a copy of the message.\n";
        String c = "No marker here.\n";
        for (String text : new String[] {a, b, a, a, c, b, new String(c), new String(a)}) {
            int expected = text == c || text.equals(c) ? text.length() : text.indexOf(text == a || text.equals(a) ? "-----" : "Below");
            assertThat(ReturnedMessage.start(text)).as(text).isEqualTo(expected);
        }
        assertThat(ReturnedMessage.reportPart(b)).isEqualTo("Failed, and more words first.\n");
        String huge = "x\n".repeat(200_000) + "--- Original message ---\n";
        assertThat(ReturnedMessage.start(huge)).isEqualTo(400_000);
        assertThat(ReturnedMessage.start(a)).isEqualTo(a.indexOf("-----"));
        assertThat(ReturnedMessage.start(huge)).isEqualTo(400_000);
    }
}
