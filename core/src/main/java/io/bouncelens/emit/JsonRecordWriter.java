package io.bouncelens.emit;

import io.bouncelens.BounceRecord;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes records as JSON, one object per line (JSON Lines), with Jackson's streaming generator:
 * names are the record's component names, null components are left out, {@code message} only
 * when counted (non-zero), {@code truncated} only when true, enums as their labels
 * ({@code userunknown}, {@code sender-content}, {@code after-fix}). Not thread-safe; one writer
 * per output stream.
 */
public final class JsonRecordWriter implements Flushable, Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator json;

    /** Writes UTF-8 to {@code out}; closing this writer does not close {@code out}. */
    public JsonRecordWriter(OutputStream out) {
        this(() -> FACTORY.createGenerator(out, JsonEncoding.UTF8), null);
    }

    /** Writes to {@code out}; closing this writer does not close {@code out}. */
    public JsonRecordWriter(Writer out) {
        this(() -> FACTORY.createGenerator(out), null);
    }

    /**
     * Writes UTF-8 to {@code out} for {@link #writeElement}: the objects with {@code separator}
     * between them (the elements of a JSON array, whose brackets are the caller's).
     */
    static JsonRecordWriter elements(OutputStream out, String separator) {
        return new JsonRecordWriter(() -> FACTORY.createGenerator(out, JsonEncoding.UTF8), new SerializedString(separator));
    }

    private interface GeneratorOpener {
        JsonGenerator open() throws IOException;
    }

    private JsonRecordWriter(GeneratorOpener opener, SerializedString separator) {
        try {
            json = opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // null: Jackson would start every object after the first with a space
        json.setRootValueSeparator(separator);
    }

    /** One record as one JSON object, without a line end. */
    public static String toJson(BounceRecord record) {
        StringWriter s = new StringWriter(512);
        try (JsonRecordWriter w = new JsonRecordWriter(s)) {
            w.writeObject(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /** Writes one record as one JSON object followed by a line end. */
    public void write(BounceRecord r) throws IOException {
        writeObject(r);
        json.writeRaw('\n');
    }

    /** Writes one record as one JSON object, after the separator when it is not the first. */
    void writeElement(BounceRecord r) throws IOException {
        writeObject(r);
    }

    private void writeObject(BounceRecord r) throws IOException {
        json.writeStartObject();
        string("file", r.file());
        if (r.message() != 0) json.writeNumberField("message", r.message());
        string("recipient", r.recipient());
        string("addresser", r.addresser());
        string("action", r.action());
        string("reason", r.reason() == null ? null : r.reason().label());
        json.writeBooleanField("hardBounce", r.hardBounce());
        string("status", r.status());
        if (r.replyCode() != null) json.writeNumberField("replyCode", r.replyCode());
        string("diagnosticCode", r.diagnosticCode());
        string("command", r.command());
        string("remoteHost", r.remoteHost());
        string("reportingMta", r.reportingMta());
        string("decodedBy", r.decodedBy());
        string("provider", r.provider());
        string("providerCode", r.providerCode());
        string("actor", r.actor() == null ? null : r.actor().label());
        string("retry", r.retry() == null ? null : r.retry().label());
        string("explanation", r.explanation());
        string("fix", r.fix());
        string("evidence", r.evidence());
        string("timestamp", r.timestamp());
        string("messageId", r.messageId());
        string("subject", r.subject());
        string("feedbackType", r.feedbackType());
        if (r.truncated()) json.writeBooleanField("truncated", true);
        json.writeEndObject();
    }

    private void string(String name, String value) throws IOException {
        if (value != null) json.writeStringField(name, value);
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
