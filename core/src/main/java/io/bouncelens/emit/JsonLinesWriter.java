package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;

import java.io.IOException;
import java.io.Writer;

/** One JSON object per record per line (JSON Lines). */
final class JsonLinesWriter extends DiagnosisWriter {

    private final Writer out;

    JsonLinesWriter(Writer out, boolean all) {
        super(all);
        this.out = out;
    }

    @Override
    public void write(MessageDiagnosis d) throws IOException {
        for (BounceRecord r : recordsToShow(d)) {
            out.write(JsonRecordWriter.toJson(r));
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
