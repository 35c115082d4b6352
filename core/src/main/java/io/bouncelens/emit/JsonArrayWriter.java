package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** One JSON array of record objects, written as records come (nothing is held back). */
final class JsonArrayWriter extends DiagnosisWriter {

    private static final String BETWEEN = ",\n  ";
    private static final byte[] NOTHING = new byte[0];

    private boolean first = true;

    JsonArrayWriter(OutputStream out, boolean all) {
        super(out, all);
    }

    /** The message's records separated from each other; the separator before them is the writer's. */
    @Override
    public byte[] render(MessageDiagnosis d) {
        List<BounceRecord> records = recordsToShow(d);
        if (records.isEmpty()) return NOTHING;
        // straight to UTF-8, as JSON Lines are: no String of each record to encode again
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 * records.size());
        try (JsonRecordWriter json = JsonRecordWriter.elements(bytes, BETWEEN)) {
            for (BounceRecord r : records) json.writeElement(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
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
