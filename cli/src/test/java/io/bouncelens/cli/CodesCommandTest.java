package io.bouncelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bouncelens codes} run as a process: the sections, one section's replies in each format, a wrong name. */
class CodesCommandTest {

    @Test
    void withoutASectionItListsTheSectionsProvidersFirstAndEachOneListsItsReplies() throws Exception {
        CliProcess.Run list = CliProcess.run(null, "codes", "--format", "jsonl");
        assertThat(list.exit()).isZero();
        List<JsonNode> sections = list.jsonLines();
        assertThat(sections.get(0).get("kind").asText()).isEqualTo("provider");
        JsonNode netease = sections.stream().filter(s -> s.get("id").asText().equals("netease")).findFirst().orElseThrow();

        CliProcess.Run replies = CliProcess.run(null, "codes", "--format", "jsonl", "--lang", "zh-CN", "netease");
        assertThat(replies.exit()).isZero();
        List<JsonNode> records = replies.jsonLines();
        assertThat(records).hasSize(netease.get("replies").asInt());
        for (JsonNode r : records) {
            assertThat(r.get("provider").asText()).isEqualTo("netease");
            assertThat(r.get("diagnosticCode").asText()).isNotBlank();
            assertThat(r.get("fix").asText()).containsPattern("[\\u4e00-\\u9fff]");
        }

        // the same reply explained on its own reads the same
        CliProcess.Run explained = CliProcess.run(null, "explain", "--format", "jsonl", "--lang", "zh-CN",
                records.get(0).get("diagnosticCode").asText());
        assertThat(explained.jsonLines().get(0)).isEqualTo(records.get(0));
    }

    @Test
    void textShowsEachReplyAboveItsMeaningAndCsvIsForASpreadsheet() throws Exception {
        CliProcess.Run text = CliProcess.run(null, "codes", "--lang", "zh-TW", "tencent");
        assertThat(text.exit()).isZero();
        List<String> blocks = List.of(text.out().split("\n\n"));
        assertThat(blocks.get(0)).startsWith("# ");
        assertThat(blocks.subList(1, blocks.size())).allSatisfy(block -> assertThat(block).startsWith("== ").contains("原因: ")
                // the reply heads its block: not said twice
                .doesNotContain("對方回應"));

        CliProcess.Run sections = CliProcess.run(null, "codes", "--format", "csv");
        List<String> rows = sections.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("id,kind,replies,name");
        // a name with commas is one quoted field
        assertThat(rows).filteredOn(row -> row.startsWith("alibaba,")).singleElement().asString()
                .matches("alibaba,provider,\\d+,\"[^\"]*,[^\"]*\"");

        CliProcess.Run csv = CliProcess.run(null, "codes", "--format", "csv", "--bom", "tencent");
        assertThat(csv.out()).startsWith("\uFEFFfile,message,recipient,");
        assertThat(csv.out().split("\r\n")).hasSize(blocks.size()); // a header and a line per reply
    }

    @Test
    void anUnknownSectionIsAUsageErrorThatNamesTheSections() throws Exception {
        CliProcess.Run r = CliProcess.run(null, "codes", "no-such-provider");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no section 'no-such-provider'").contains("netease", "tencent", "alibaba");
    }
}
