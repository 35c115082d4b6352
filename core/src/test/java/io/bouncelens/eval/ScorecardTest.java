package io.bouncelens.eval;

import io.bouncelens.BounceRecord;
import io.bouncelens.Reason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScorecardTest {

    private static BounceRecord record(String file, String recipient, Reason reason) {
        return BounceRecord.builder().file(file).recipient(recipient).reason(reason).build();
    }

    @Test
    void matchesByRecipientThenByPositionAndCountsFalseBounces() throws IOException {
        List<Label> labels = LabelFile.read(new StringReader(
                "file\tindex\trecipient\treason\tstatus\treplycode\thardbounce\n"
                        + "a/one.eml\t1\tX@example.com\tuserunknown\t5.1.1\t550\t1\n"
                        + "a/two.eml\t1\tgone@example.com\tmailboxfull\t\t\t0\n"
                        + "a/three.eml\t1\tnobody@example.com\tblocked\t\t\t0\n"));
        Scorecard card = new Scorecard();
        card.add(List.of(record("/data/a/one.eml", "x@example.com", Reason.USERUNKNOWN)));
        card.add(List.of(record("/data/a/two.eml", "other@example.com", Reason.MAILBOXFULL)));
        card.add(List.of(record("/data/n/no.eml", "y@example.com", Reason.UNDEFINED)));

        Scorecard.Result r = card.score(labels, List.of("n/no.eml"));

        assertThat(r.recipientsFound()).isEqualTo(1);
        assertThat(r.reasonsRight()).isEqualTo(2);
        assertThat(r.negativesReported()).isEqualTo(1);
        assertThat(r.topMisses()).extracting(e -> e.getKey()).containsExactly("blocked -> -");
        assertThat(r.describe()).endsWith("reason accuracy: 2/3 (66.7%)" + System.lineSeparator());
    }

    @Test
    void labelsSavedWithAByteOrderMarkReadAsWithout() throws IOException {
        // a spreadsheet's "UTF-8" text export starts with the mark, right before the first column's name
        List<Label> labels = LabelFile.read(new StringReader(
                "\uFEFFfile\trecipient\treason\na/one.eml\tx@example.com\tuserunknown\n"));
        assertThat(labels).extracting(Label::reason).containsExactly("userunknown");
        assertThat(LabelFile.readPaths(new StringReader("\uFEFFfile\nn/no.eml\n"))).containsExactly("n/no.eml");
    }
}
