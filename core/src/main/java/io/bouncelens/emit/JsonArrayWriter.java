package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;

import java.io.IOException;
import java.io.Writer;

/** One JSON array of record objects, written as records come (nothing is held back). */
final class JsonArrayWriter extends DiagnosisWriter {

    private final Writer out;
    private boolean first = true;

    JsonArrayWriter(Writer out, boolean all) {
        super(all);
        this.out = out;
    }

    @Override
    public void write(MessageDiagnosis d) throws IOException {
        for (BounceRecord r : recordsToShow(d)) {
            out.write(first ? "[\n  " : ",\n  ");
            first = false;
            out.write(JsonRecordWriter.toJson(r));
        }
    }

    @Override
    public void close() throws IOException {
        out.write(first ? "[]\n" : "\n]\n");
        out.flush();
    }
}
