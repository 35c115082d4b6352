package io.bouncelens.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.bouncelens.Actor;
import io.bouncelens.Reason;
import io.bouncelens.Retry;

import java.io.IOException;
import java.util.function.Function;

/**
 * The JSON form of records and API bodies: the record's component names, nulls left out, and the
 * reason / actor / retry written as their labels ({@code userunknown}, {@code sender-content},
 * {@code after-fix}) as the CLI writes them.
 */
public final class RecordJson {

    private static final ObjectMapper MAPPER = build();

    private RecordJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        SimpleModule labels = new SimpleModule("bouncelens-labels");
        labels.addSerializer(Reason.class, labelSerializer(Reason::label));
        labels.addSerializer(Actor.class, labelSerializer(Actor::label));
        labels.addSerializer(Retry.class, labelSerializer(Retry::label));
        return new ObjectMapper()
                .registerModule(labels)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private static <E> JsonSerializer<E> labelSerializer(Function<E, String> label) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(label.apply(value));
            }
        };
    }
}
