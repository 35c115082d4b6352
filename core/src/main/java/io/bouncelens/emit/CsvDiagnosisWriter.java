package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.MessageDiagnosis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** CSV with a header line, even when no message gave a record. */
final class CsvDiagnosisWriter extends DiagnosisWriter {

    private boolean headerWritten;

    CsvDiagnosisWriter(OutputStream out, boolean all) {
        super(out, all);
    }

    @Override
    public byte[] render(MessageDiagnosis d) {
        // a StringBuilder, not a StringWriter: its StringBuffer takes a lock for every character
        StringBuilder lines = new StringBuilder(1024);
        CsvRecordWriter csv = new CsvRecordWriter(lines);
        try {
            for (BounceRecord r : recordsToShow(d)) csv.writeRecord(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // appending to a StringBuilder does not fail
        }
        return utf8(lines.toString());
    }

    @Override
    public void write(MessageDiagnosis d, byte[] rendered) throws IOException {
        if (rendered.length == 0) return;
        writeHeader();
        out.write(rendered);
    }

    private void writeHeader() throws IOException {
        if (headerWritten) return;
        headerWritten = true;
        out.write(utf8(String.join(",", CsvRecordWriter.COLUMNS) + "\r\n"));
    }

    @Override
    public void close() throws IOException {
        writeHeader();
        out.flush();
    }
}
