package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.classify.Classification;
import io.bouncelens.classify.ReplyEvidence;
import io.bouncelens.decode.SmtpText;
import io.bouncelens.emit.TextRecordWriter;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply classifier on any text with any structured fields beside it (a report's Status,
 * reply code, remote host, command and format hint can all be forged by a sender).
 */
class ReplyClassifierFuzzTest {

    private static final Reason[] REASONS = Reason.values();
    private static final Lang[] LANGS = Lang.values();

    @FuzzTest(maxDuration = "30s")
    void explainsAnyReplyInEveryLanguage(String reply) throws IOException { // null too: the library accepts it
        for (Lang lang : LANGS) {
            BounceRecord record = Bouncelens.explain(reply, lang);
            assertThat(record.reason()).isNotNull();
            assertThat(record.diagnosticCode() == null).isEqualTo(reply == null || reply.isBlank());
            // the terminal's block, with its quote of the server's words
            StringWriter text = new StringWriter();
            new TextRecordWriter(text, lang).write(record);
            assertThat(text.toString()).isNotEmpty();
        }
        // what the block quotes is a piece of the reply, never more
        String quoted = SmtpText.quotedReply(reply);
        assertThat(quoted == null).isEqualTo(reply == null);
        if (reply != null) assertThat(reply).contains(quoted);
    }

    @FuzzTest(maxDuration = "20s")
    void classifiesAnyReplyWithAnyFields(FuzzedDataProvider data) {
        String status = data.consumeBoolean() ? data.consumeString(12) : null;
        Integer replyCode = data.consumeBoolean() ? data.consumeInt() : null;
        String remoteHost = data.consumeBoolean() ? data.consumeString(64) : null;
        String command = data.consumeBoolean() ? data.consumeString(12) : null;
        Reason hint = data.consumeBoolean() ? data.pickValue(REASONS) : null;
        Lang lang = data.pickValue(LANGS);
        String text = data.consumeRemainingAsString();

        Classification verdict = Bouncelens.standard().classifier()
                .classify(new ReplyEvidence(text, status, replyCode, remoteHost, command, hint));
        assertThat(verdict.reason()).isNotNull();
        assertThat(Bouncelens.standard().describe(verdict, lang, BounceRecord.builder()).build().reason())
                .isEqualTo(verdict.reason());
    }
}
