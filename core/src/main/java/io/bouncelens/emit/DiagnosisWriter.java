package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes the diagnoses of a run, message after message, in one of the output formats. With
 * {@code all}, messages that are no bounce are shown too, as one line (text) or one record whose
 * {@code action} is their kind ({@code not-bounce}) and that has no reason; its {@code decodedBy}
 * says what it was recognised as, where it was ({@code read-receipt}, {@code challenge-response}).
 *
 * <p>Writing is split in two so that the costly half can run where the message was diagnosed:
 * {@link #render} turns one message into its UTF-8 output and may be called from any thread at
 * once; {@link #write(MessageDiagnosis, byte[])} adds what lies between messages (separators,
 * brackets, the CSV header) and must be called by one thread, in output order.
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

    protected final OutputStream out;
    protected final boolean all;

    protected DiagnosisWriter(OutputStream out, boolean all) {
        this.out = out;
        this.all = all;
    }

    /**
     * A writer to {@code out}, which it buffers; closing the writer flushes but does not close
     * {@code out}. Providers are shown by id alone.
     */
    public static DiagnosisWriter create(Format format, OutputStream out, Lang lang, boolean all) {
        return create(format, out, lang, all, ProviderNames.IDS_ONLY);
    }

    /**
     * As {@link #create(Format, OutputStream, Lang, boolean)}; the text for a terminal names each
     * provider in {@code lang} (JSON and CSV keep the id, which is what scripts match).
     */
    public static DiagnosisWriter create(Format format, OutputStream out, Lang lang, boolean all, ProviderNames providerNames) {
        OutputStream buffered = new BufferedOutputStream(out, 64 << 10);
        return switch (format) {
            case TEXT -> new GroupedTextWriter(buffered, lang, all, providerNames);
            case JSON -> new JsonArrayWriter(buffered, all);
            case JSONL -> new JsonLinesWriter(buffered, all);
            case CSV -> new CsvDiagnosisWriter(buffered, all);
        };
    }

    /** One message's output as UTF-8, empty when it shows nothing; safe to call from several threads at once. */
    public abstract byte[] render(MessageDiagnosis d);

    /** Writes a message's output made by {@link #render}; one thread, in output order. */
    public abstract void write(MessageDiagnosis d, byte[] rendered) throws IOException;

    /** Renders and writes one message. */
    public final void write(MessageDiagnosis d) throws IOException {
        write(d, render(d));
    }

    /** Hands what was written so far on, for a reader at the other end of a pipe. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the output (closing brackets, flush); the stream itself stays open. */
    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** The records to show for a message: its own, or with {@code all} a stand-in for a non-bounce. */
    protected List<BounceRecord> recordsToShow(MessageDiagnosis d) {
        if (!d.records().isEmpty() || !all) return d.records();
        if (d.unread()) return List.of();
        return List.of(new BounceRecord(d.file(), d.message(), null, null, d.kind().label(), null, false, null, null,
                null, null, null, null, d.decodedBy(), null, null, null, null, null, null, null, null, null, d.subject(),
                null, d.truncated()));
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
