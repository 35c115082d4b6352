package io.bouncelens.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bouncelens.server.json.RecordJson;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies read within the size limit, and JSON answers. */
final class JsonBody {

    private JsonBody() {
    }

    /**
     * Past the limit the rest of the body is still read (up to this much) and dropped before the
     * 413 goes out: a server that answers and closes while the client is still sending makes the
     * client's TCP stack reset the connection, and the client never sees the answer.
     */
    private static final long DRAIN_CAP = 64L * 1024 * 1024;

    /** The whole body, or a 413 once it passes {@code max} bytes (declared or actual). */
    static byte[] read(Context ctx, int max) {
        long declared = ctx.req().getContentLengthLong();
        ByteArrayOutputStream out = declared > max ? null
                : new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), max));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = ctx.bodyInputStream()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > max) out = null;
                if (out != null) out.write(buffer, 0, n);
                else if (total > DRAIN_CAP) break;
            }
        } catch (IOException e) {
            throw new ApiException(400, "could not read the request body: " + e.getMessage());
        }
        if (out == null) throw new ApiException(413, "the body is larger than the limit of " + max + " bytes");
        return out.toByteArray();
    }

    static JsonNode readJson(Context ctx, int max) {
        byte[] body = read(ctx, max);
        try {
            JsonNode node = RecordJson.mapper().readTree(body);
            if (node == null || !node.isObject()) throw new ApiException(400, "the body must be a JSON object");
            return node;
        } catch (IOException e) {
            throw new ApiException(400, "the body is not valid JSON");
        }
    }

    static void send(Context ctx, int status, Object value) {
        try {
            ctx.status(status)
                    .contentType("application/json; charset=utf-8")
                    .result(RecordJson.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
