package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.decode.MessageKind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes the diagnoses of a run, message after message, in one of the output formats. With
 * {@code all}, messages that are no bounce are shown too, as one line (text) or one record whose
 * {@code action} is their kind ({@code not-bounce}) and that has no reason.
 */
public abstract class DiagnosisWriter implements AutoCloseable {

    /** The output formats of {@code bouncelens diagnose}. */
    public enum Format {
        TEXT, JSON, JSONL, CSV;

        public static Format fromName(String name) {
            for (Format f : values()) if (f.name().equalsIgnoreCase(name.trim())) return f;
            return null;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    protected final boolean all;

    protected DiagnosisWriter(boolean all) {
        this.all = all;
    }

    public static DiagnosisWriter create(Format format, OutputStream out, Lang lang, boolean all) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return switch (format) {
            case TEXT -> new GroupedTextWriter(w, lang, all);
            case JSON -> new JsonArrayWriter(w, all);
            case JSONL -> new JsonLinesWriter(w, all);
            case CSV -> new CsvDiagnosisWriter(w, all);
        };
    }

    /** Writes what one message gave. */
    public abstract void write(MessageDiagnosis d) throws IOException;

    /** Ends the output (closing brackets, flush); the stream itself stays open. */
    @Override
    public abstract void close() throws IOException;

    /** The records to show for a message: its own, or with {@code all} a stand-in for a non-bounce. */
    protected List<BounceRecord> recordsToShow(MessageDiagnosis d) {
        if (!d.records().isEmpty() || !all) return d.records();
        if (d.problems().size() > 0 && d.kind() == MessageKind.NOT_BOUNCE && d.subject() == null) return List.of();
        return List.of(new BounceRecord(d.file(), d.message(), null, null, d.kind().label(), null, false, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, d.subject(),
                null, d.truncated()));
    }
}
