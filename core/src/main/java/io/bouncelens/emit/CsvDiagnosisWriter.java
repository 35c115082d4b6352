package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;

import java.io.IOException;
import java.io.Writer;

/** CSV with a header line, even when no message gave a record. */
final class CsvDiagnosisWriter extends DiagnosisWriter {

    private final Writer out;
    private final CsvRecordWriter csv;

    CsvDiagnosisWriter(Writer out, boolean all) {
        super(all);
        this.out = out;
        this.csv = new CsvRecordWriter(out);
    }

    @Override
    public void write(MessageDiagnosis d) throws IOException {
        for (BounceRecord r : recordsToShow(d)) csv.write(r);
    }

    @Override
    public void close() throws IOException {
        csv.writeHeader();
        out.flush();
    }
}
