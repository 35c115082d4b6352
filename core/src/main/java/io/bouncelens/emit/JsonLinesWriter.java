package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** One JSON object per record per line (JSON Lines). */
final class JsonLinesWriter extends DiagnosisWriter {

    private static final byte[] NOTHING = new byte[0];

    JsonLinesWriter(OutputStream out, boolean all) {
        super(out, all);
    }

    @Override
    public byte[] render(MessageDiagnosis d) {
        List<BounceRecord> records = recordsToShow(d);
        if (records.isEmpty()) return NOTHING;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 * records.size());
        try (JsonRecordWriter json = new JsonRecordWriter(bytes)) {
            for (BounceRecord r : records) json.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    @Override
    public void write(MessageDiagnosis d, byte[] rendered) throws IOException {
        out.write(rendered);
    }
}
