package io.bouncelens.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.bouncelens.BounceRecord;
import io.bouncelens.emit.JsonRecordWriter;

import java.io.IOException;

/**
 * The JSON of API bodies. A record is written exactly as the CLI writes it
 * ({@link JsonRecordWriter}: component names, nulls left out, reason / actor / retry as labels),
 * so the API, the store and {@code bouncelens diagnose --format json} agree.
 */
public final class RecordJson {

    private static final ObjectMapper MAPPER = build();

    private RecordJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One record as the CLI writes it. */
    public static String of(BounceRecord record) {
        return JsonRecordWriter.toJson(record);
    }

    private static ObjectMapper build() {
        SimpleModule records = new SimpleModule("bouncelens-records");
        records.addSerializer(BounceRecord.class, new JsonSerializer<>() {
            @Override
            public void serialize(BounceRecord value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeRawValue(JsonRecordWriter.toJson(value));
            }
        });
        return new ObjectMapper()
                .registerModule(records)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
