package io.bouncelens.decode.vendor;

import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.Limits;
import io.bouncelens.decode.MessageParser;
import io.bouncelens.decode.ReportDecoder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the share of labelled recipients the decoder finds in the shared corpus from slipping, and
 * checks that the plain-text bounces (no RFC 3464 part) are read by their vendor format rather than
 * the generic last-resort scanner. Skipped when {@code ../shared} is absent.
 */
class CorpusRecipientsTest {

    private final ReportDecoder decoder = ReportDecoder.standard(Limits.DEFAULT);
    private final MessageParser parser = new MessageParser(Limits.DEFAULT);

    @Test
    void findsTheLabelledRecipientsOfTheCorpus() throws IOException {
        Path corpus = Path.of(System.getProperty("bouncelens.shared", "../shared"), "corpus");
        Path labels = corpus.resolve("labels.tsv");
        assumeTrue(Files.isRegularFile(labels), "shared corpus not present");

        Map<String, DecodedReport> decoded = new HashMap<>();
        int labelled = 0;
        int found = 0;
        int plainText = 0;
        int plainTextByVendor = 0;
        List<String> missed = new ArrayList<>();
        List<String> rows = Files.readAllLines(labels, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            int tab = row.indexOf('\t');
            int tab2 = row.indexOf('\t', tab + 1);
            int tab3 = row.indexOf('\t', tab2 + 1);
            if (tab < 0 || tab3 < 0) continue;
            String file = row.substring(0, tab);
            String recipient = row.substring(tab2 + 1, tab3);
            Path path = corpus.resolve("emails").resolve(file);
            if (!Files.isRegularFile(path)) continue;
            DecodedReport r = decoded.computeIfAbsent(file, f -> decode(path));
            labelled++;
            boolean hit = r.recipients().stream().map(FailedRecipient::recipient).anyMatch(recipient::equalsIgnoreCase);
            if (hit) found++;
            else missed.add(file + " " + recipient);
            if (r.decodedBy() != null && !r.decodedBy().startsWith("rfc") && !r.decodedBy().equals("arf")) {
                plainText++;
                if (!r.decodedBy().equals("text")) plainTextByVendor++;
            }
        }
        assumeTrue(labelled > 0, "no labelled file found");
        double share = (double) found / labelled;
        assertThat(share).as("recipients found; missed: %s", missed).isGreaterThanOrEqualTo(0.96);
        assertThat((double) plainTextByVendor / plainText).as("plain-text bounces read by a vendor format")
                .isGreaterThanOrEqualTo(0.95);
    }

    private DecodedReport decode(Path path) {
        try {
            byte[] raw = Files.readAllBytes(path);
            int skip = mboxFromLine(raw);
            return decoder.decode(parser.parse(new ByteArrayInputStream(raw, skip, raw.length - skip)));
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }

    /** Corpus files saved from a mailbox may start with its "From " separator line. */
    private static int mboxFromLine(byte[] raw) {
        if (raw.length < 5 || raw[0] != 'F' || raw[1] != 'r' || raw[2] != 'o' || raw[3] != 'm' || raw[4] != ' ') return 0;
        int i = 0;
        while (i < raw.length && raw[i] != '\n' && raw[i] != '\r') i++;
        if (i < raw.length && raw[i] == '\r') i++;
        if (i < raw.length && raw[i] == '\n') i++;
        return i;
    }
}
