package io.bouncelens.decode.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON value read into maps, lists, strings, numbers and booleans, bounded: an event is a
 * few kilobytes, so a value deeper than {@link #MAX_DEPTH}, of more than {@link #MAX_VALUES}
 * values or of more than {@link #MAX_CHARS} characters in its names and strings is refused rather
 * than built. (The parser itself bounds each string: {@link EventSource}.)
 */
final class JsonTree {

    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 100_000;
    static final int MAX_CHARS = 4 << 20;

    private final JsonParser parser;
    private int values;
    private long chars;

    private JsonTree(JsonParser parser) {
        this.parser = parser;
    }

    /** The value starting at the parser's current token; the parser is left on its last token. */
    static Object read(JsonParser parser) throws IOException {
        return new JsonTree(parser).value(0);
    }

    private Object value(int depth) throws IOException {
        if (++values > MAX_VALUES) throw new IOException("an event of more than " + MAX_VALUES + " JSON values");
        JsonToken t = parser.currentToken();
        if (t == null) throw new IOException("the JSON ends early");
        return switch (t) {
            case START_OBJECT -> object(depth + 1);
            case START_ARRAY -> array(depth + 1);
            case VALUE_STRING -> counted(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private Map<String, Object> object(int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("JSON nested more than " + MAX_DEPTH + " deep");
        Map<String, Object> out = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = counted(parser.currentName());
            parser.nextToken();
            out.put(name, value(depth));
        }
        return out;
    }

    private String counted(String text) throws IOException {
        chars += text.length();
        if (chars > MAX_CHARS) throw new IOException("an event of more than " + MAX_CHARS + " characters");
        return text;
    }

    private List<Object> array(int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("JSON nested more than " + MAX_DEPTH + " deep");
        List<Object> out = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) throw new IOException("the JSON ends early");
            out.add(value(depth));
        }
        return out;
    }
}
