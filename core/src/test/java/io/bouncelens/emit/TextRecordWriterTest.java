package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.Reason;
import io.bouncelens.read.InputMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TextRecordWriterTest {

    private static String text(BounceRecord r, Lang lang) throws Exception {
        StringWriter out = new StringWriter();
        new TextRecordWriter(out, lang).write(r);
        return out.toString();
    }

    @Test
    void aBlockQuotesWhatTheServerSaidInEachLanguage() throws Exception {
        String said = "smtp; 550 5.1.1 <a@example.com>: Recipient address rejected: User unknown";
        assertThat(text(Bouncelens.explain(said), Lang.EN))
                .contains("\nServer said: 550 5.1.1 <a@example.com>: Recipient address rejected: User unknown\n");
        assertThat(text(Bouncelens.explain(said, Lang.ZH_CN), Lang.ZH_CN)).contains("\n对方回复: 550 5.1.1 <a@example.com>:");
        assertThat(text(Bouncelens.explain(said, Lang.ZH_TW), Lang.ZH_TW)).contains("\n對方回應: 550 5.1.1 <a@example.com>:");
    }

    @Test
    void aLongAnswerIsCutOnOneLineAndNeverInsideACharacter() throws Exception {
        // a 4-byte character (two chars) across the cut, line breaks inside
        String said = "550 5.7.1 " + "x".repeat(TextRecordWriter.SAID_CHARS - 11) + "\uD83D\uDCEB\n  and more words after";
        String line = text(Bouncelens.explain(said), Lang.EN).lines()
                .filter(l -> l.startsWith("Server said: ")).findFirst().orElseThrow();
        String shown = line.substring("Server said: ".length());
        assertThat(shown).endsWith("…").doesNotContain("more words").hasSizeLessThanOrEqualTo(TextRecordWriter.SAID_CHARS + 1);
        assertThat(shown.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
    }

    @Test
    void aComplaintsTextIsNotPresentedAsAServersAnswer() throws Exception {
        byte[] arf;
        try (InputStream in = TextRecordWriterTest.class.getResourceAsStream("/mail/arf-abuse.eml")) {
            arf = in.readAllBytes();
        }
        MessageDiagnosis d = Bouncelens.standard().diagnose(new InputMessage("arf.eml", 1, arf, false, null), Lang.EN);
        assertThat(d.records()).isNotEmpty().allSatisfy(r -> assertThat(r.reason()).isEqualTo(Reason.FEEDBACK));
        for (BounceRecord r : d.records()) assertThat(text(r, Lang.EN)).doesNotContain("Server said");
    }
}
