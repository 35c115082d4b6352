package io.bouncelens.server.http;

import io.bouncelens.decode.Charsets;
import io.bouncelens.decode.LineDecoder;
import io.bouncelens.decode.MediaType;

import java.nio.charset.Charset;

/**
 * A text body (reply lines, a log) as characters: in the charset its Content-Type names, else each
 * line in the charset it turns out to be in ({@link LineDecoder}: UTF-8, or a log in GBK or Big5
 * sent by a client that did not say so).
 */
final class BodyText {

    private BodyText() {
    }

    static String decode(byte[] body, String contentType) {
        String label = contentType == null ? null : MediaType.parse(contentType).parameter("charset");
        Charset named = Charsets.forLabel(label);
        return named != null ? Charsets.decode(body, 0, body.length, label) : LineDecoder.text(body);
    }
}
