package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;

import java.io.IOException;
import java.io.OutputStream;

/** One JSON array of record objects, written as records come (nothing is held back). */
final class JsonArrayWriter extends DiagnosisWriter {

    private static final String BETWEEN = ",\n  ";

    private boolean first = true;

    JsonArrayWriter(OutputStream out, boolean all) {
        super(out, all);
    }

    /** The message's records separated from each other; the separator before them is the writer's. */
    @Override
    public byte[] render(MessageDiagnosis d) {
        StringBuilder b = new StringBuilder();
        for (BounceRecord r : recordsToShow(d)) {
            if (!b.isEmpty()) b.append(BETWEEN);
            b.append(JsonRecordWriter.toJson(r));
        }
        return utf8(b.toString());
    }

    @Override
    public void write(MessageDiagnosis d, byte[] rendered) throws IOException {
        if (rendered.length == 0) return;
        out.write(utf8(first ? "[\n  " : BETWEEN));
        first = false;
        out.write(rendered);
    }

    @Override
    public void close() throws IOException {
        out.write(utf8(first ? "[]\n" : "\n]\n"));
        out.flush();
    }
}
