package io.bouncelens.eval;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.read.MessageSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the figures on the shared labeled corpus from slipping. The floors sit at the level
 * reached; raise them when the figures rise. Skipped when {@code ../shared} is absent.
 */
class CorpusAccuracyTest {

    private static final double REASON_ACCURACY_FLOOR = 96.8;
    private static final double RECIPIENTS_FOUND_FLOOR = 98.3;
    /** Labels without a code in the message carry the pseudo code for their reason (5.0.911, ...). */
    private static final double STATUS_AGREES_FLOOR = 96.5;
    private static final int NON_BOUNCES_REPORTED_CEILING = 1;

    @Test
    void figuresOnTheSharedCorpusStayAtTheirFloor() throws IOException {
        Path corpus = Path.of(System.getProperty("bouncelens.shared", "../shared"), "corpus");
        assumeTrue(Files.isRegularFile(corpus.resolve("labels.tsv")), "no shared corpus at " + corpus);
        List<Label> labels = LabelFile.read(Files.newBufferedReader(corpus.resolve("labels.tsv"), StandardCharsets.UTF_8));
        List<String> negatives = LabelFile.readPaths(Files.newBufferedReader(corpus.resolve("negatives.tsv"), StandardCharsets.UTF_8));
        Bouncelens bouncelens = Bouncelens.standard();
        Scorecard card = new Scorecard();
        try (MessageSource source = new MessageSource(List.of(corpus.resolve("emails").toString()), System.in,
                bouncelens.limits().maxMessageBytes())) {
            while (source.hasNext()) card.add(bouncelens.diagnose(source.next(), Lang.EN).records());
        }
        Scorecard.Result result = card.score(labels, negatives);
        System.out.print(result.describe());

        assertThat(result.labels()).isGreaterThan(500);
        assertThat(result.recipientsFoundPercent()).as(result.describe()).isGreaterThanOrEqualTo(RECIPIENTS_FOUND_FLOOR);
        assertThat(result.reasonAccuracy()).as(result.describe()).isGreaterThanOrEqualTo(REASON_ACCURACY_FLOOR);
        assertThat(100.0 * result.statusAgrees() / result.labelsWithStatus()).as(result.describe())
                .isGreaterThanOrEqualTo(STATUS_AGREES_FLOOR);
        assertThat(result.negativesReported()).isLessThanOrEqualTo(NON_BOUNCES_REPORTED_CEILING);
    }
}
