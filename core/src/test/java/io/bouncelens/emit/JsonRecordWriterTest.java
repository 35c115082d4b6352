package io.bouncelens.emit;

import io.bouncelens.Actor;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.Retry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordWriterTest {

    @Test
    void writesComponentNamesLabelsAndLeavesNullsOut() throws IOException {
        BounceRecord r = BounceRecord.builder().recipient("a@example.org").reason(Reason.USERUNKNOWN)
                .status("5.1.1").replyCode(550).actor(Actor.RECIPIENT_ADDRESS).retry(Retry.AFTER_FIX)
                .diagnosticCode("550 \"quoted\"\nline").build();
        Map<String, String> fields = parse(JsonRecordWriter.toJson(r));
        assertThat(fields).containsExactly(
                Map.entry("recipient", "a@example.org"), Map.entry("reason", "userunknown"),
                Map.entry("hardBounce", "true"), Map.entry("status", "5.1.1"), Map.entry("replyCode", "550"),
                Map.entry("diagnosticCode", "550 \"quoted\"\nline"), Map.entry("actor", "recipient-address"),
                Map.entry("retry", "after-fix"));
    }

    @Test
    void writesOneUtf8ObjectPerLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonRecordWriter w = new JsonRecordWriter(bytes)) {
            w.write(Bouncelens.explain("550 5.2.2 mailbox full", Lang.ZH_CN));
            w.write(BounceRecord.builder().message(3).truncated(true).build());
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(parse(lines[0])).containsEntry("reason", "mailboxfull").containsKey("explanation");
        assertThat(parse(lines[0]).get("explanation")).contains("邮箱");
        assertThat(parse(lines[1])).containsEntry("message", "3").containsEntry("truncated", "true")
                .containsEntry("reason", "undefined").containsEntry("hardBounce", "false");
    }

    @Test
    void textBlockShowsVerdictAdviceAndEvidence() throws IOException {
        StringWriter s = new StringWriter();
        new TextRecordWriter(s, Lang.ZH_TW).write(Bouncelens.explain("552 5.2.2 Quota exceeded", Lang.ZH_TW));
        assertThat(s.toString()).contains("原因: 信箱已滿 (mailboxfull)，軟退信", "狀態碼: 5.2.2", "回應碼: 552", "解決方法: ", "依據: ",
                "處理方: 收件人 (recipient-mailbox)", "重試: 稍後原樣重試 (later)");
    }

    @Test
    void textBlockSaysAStatusIsAPseudoCode() throws IOException {
        StringWriter en = new StringWriter();
        new TextRecordWriter(en, Lang.EN).write(Bouncelens.explain("550 Mailbox not found"));
        assertThat(en.toString()).contains("Status: 5.0.911 (none given; the pseudo code for the reason)");
        StringWriter zh = new StringWriter();
        new TextRecordWriter(zh, Lang.ZH_CN).write(Bouncelens.explain("550 Mailbox not found", Lang.ZH_CN));
        assertThat(zh.toString()).contains("状态码: 5.0.911（对方未给出状态码");
        StringWriter given = new StringWriter();
        new TextRecordWriter(given, Lang.EN).write(Bouncelens.explain("550 5.1.1 Mailbox not found"));
        assertThat(given.toString()).contains("Status: 5.1.1\n");
    }

    @Test
    void textBlockSaysWhenTheReportIsOnlyADelay() throws IOException {
        StringWriter s = new StringWriter();
        TextRecordWriter w = new TextRecordWriter(s, Lang.EN);
        w.write(BounceRecord.builder().recipient("slow@example.net").reason(Reason.NETWORKERROR).action("delayed").build());
        w.write(BounceRecord.builder().recipient("gone@example.net").reason(Reason.USERUNKNOWN).action("failed").build());
        String[] blocks = s.toString().split("\n\n");
        assertThat(blocks[0]).contains("Action: delayed: not a final failure");
        assertThat(blocks[1]).doesNotContain("Action");

        StringWriter zh = new StringWriter();
        new TextRecordWriter(zh, Lang.ZH_CN).write(BounceRecord.builder().recipient("slow@example.net")
                .reason(Reason.NETWORKERROR).action("delayed").build());
        assertThat(zh.toString()).contains("投递状态: 延迟：尚未最终失败");
    }

    private static Map<String, String> parse(String json) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                out.put(name, p.getText());
            }
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        }
        return out;
    }
}
