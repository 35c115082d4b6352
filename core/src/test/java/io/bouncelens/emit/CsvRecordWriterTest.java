package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordWriterTest {

    /** An RFC 4180 reader, as a spreadsheet reads the output: one record's fields from a text of whole lines. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).as("a quote left open").isFalse();
        assertThat(row).as("a line without its CRLF").isEmpty();
        return rows;
    }

    private static String diagnosticColumn(String value) throws IOException {
        StringBuilder out = new StringBuilder();
        new CsvRecordWriter(out).write(BounceRecord.builder().recipient("a@example.org").diagnosticCode(value).build());
        List<List<String>> rows = parse(out.toString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).hasSameSizeAs(CsvRecordWriter.COLUMNS);
        return rows.get(1).get(List.of(CsvRecordWriter.COLUMNS).indexOf("diagnosticCode"));
    }

    @Test
    void quotesWhatNeedsItAndAReaderGetsEveryValueBack() throws IOException {
        for (String v : List.of("550 5.1.1 User unknown", "a, b", "\"", "\"\"", "say \"no\", twice \"\"",
                "ends with a quote\"", "\"starts with one", "two\nlines", "cr\ronly", "crlf\r\nline", " leading",
                "trailing ", "全角，逗号", "")) {
            assertThat(diagnosticColumn(v)).as("%s", v).isEqualTo(v);
        }
    }

    @Test
    void randomTextsComeBackAsTheyWere() throws IOException {
        Random random = new Random(4180);
        String alphabet = "ab ,\"\r\n;中'";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder v = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) v.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertThat(diagnosticColumn(v.toString())).as("%s", v).isEqualTo(v.toString());
        }
    }

    @Test
    void aWriterAndAStringBuilderGetTheSameText() throws IOException {
        BounceRecord r = Bouncelens.explain("550 5.7.1 \"Spam\" rejected, see https://example.net/a,b", Lang.ZH_TW);
        StringWriter writer = new StringWriter();
        StringBuilder builder = new StringBuilder();
        new CsvRecordWriter(writer).write(r);
        new CsvRecordWriter(builder).write(r);

        assertThat(builder.toString()).isEqualTo(writer.toString());
        List<String> fields = parse(builder.toString()).get(1);
        assertThat(fields.get(List.of(CsvRecordWriter.COLUMNS).indexOf("diagnosticCode"))).isEqualTo(r.diagnosticCode());
        assertThat(fields.get(List.of(CsvRecordWriter.COLUMNS).indexOf("fix"))).isEqualTo(r.fix());
    }
}
