package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.decode.MessageKind;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonArrayWriterTest {

    private static MessageDiagnosis message(int index, String... recipients) {
        List<BounceRecord> records = java.util.Arrays.stream(recipients)
                .map(r -> BounceRecord.builder().file("box").message(index).recipient(r).subject("引号 \"q\"").build())
                .toList();
        return new MessageDiagnosis("box", index, MessageKind.BOUNCE, "s", records, false, List.of());
    }

    private static String written(MessageDiagnosis... messages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiagnosisWriter w = DiagnosisWriter.create(DiagnosisWriter.Format.JSON, out, Lang.EN, false)) {
            for (MessageDiagnosis m : messages) w.write(m);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The values of one field in each object of a JSON array, read by a JSON parser. */
    private static List<String> field(String json, String name) throws IOException {
        List<String> values = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals(name)) values.add(p.getText());
                }
            }
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(p.nextToken()).isNull();
        }
        return values;
    }

    @Test
    void oneArrayOfEveryRecordInOrderOneElementALine() throws IOException {
        String text = written(message(1, "a@x.example", "b@x.example"), message(2), message(3, "c@x.example"));

        assertThat(field(text, "recipient")).containsExactly("a@x.example", "b@x.example", "c@x.example");
        assertThat(field(text, "subject")).containsOnly("引号 \"q\"");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("[");
        assertThat(lines.subList(1, 3)).allSatisfy(l -> assertThat(l).startsWith("  {").endsWith("},"));
        assertThat(lines.get(3)).startsWith("  {").endsWith("}");
        assertThat(lines.get(4)).isEqualTo("]");
    }

    @Test
    void noRecordsIsAnEmptyArray() throws IOException {
        assertThat(written(message(1))).isEqualTo("[]\n");
    }
}
