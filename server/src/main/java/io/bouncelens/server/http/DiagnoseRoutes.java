package io.bouncelens.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/diagnose}: a raw message gives {@code {"results":[records]}}; a JSON body
 * {@code {"reply":"550 ..."}} (or a text/plain reply line) gives the one record {@code explain} gives,
 * and {@code {"replies":["550 ...", ...]}} a record for each, in order.
 * Nothing is stored.
 */
final class DiagnoseRoutes {

    /** A reply line longer than this is not a reply line. */
    static final int MAX_REPLY_CHARS = 64 * 1024;

    /** Replies explained in one request: a batch, not a corpus (the body's size bounds it too). */
    static final int MAX_REPLIES = 10_000;

    private final int maxMessageBytes;

    DiagnoseRoutes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    void diagnose(Context ctx) {
        Lang lang = QueryParams.lang(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonNode body = JsonBody.readJson(ctx, maxMessageBytes);
            JsonNode replies = body.get("replies");
            if (replies != null) {
                JsonBody.send(ctx, 200, Map.of("results", explainAll(replies, lang)));
                return;
            }
            JsonNode reply = body.get("reply");
            if (reply == null || !reply.isTextual() || reply.asText().isBlank()) {
                throw new ApiException(400, "the JSON body needs a \"reply\" string, e.g. {\"reply\":\"550 5.1.1 User unknown\"}, "
                        + "or a \"replies\" array of them");
            }
            JsonBody.send(ctx, 200, explain(reply.asText(), lang));
        } else if (type.startsWith("text/plain")) {
            String reply = BodyText.decode(JsonBody.read(ctx, maxMessageBytes), ctx.contentType());
            if (reply.isBlank()) throw new ApiException(400, "the body is empty");
            JsonBody.send(ctx, 200, explain(reply, lang));
        } else {
            byte[] raw = JsonBody.read(ctx, maxMessageBytes);
            if (raw.length == 0) throw new ApiException(400, "the body is empty; send the bounce message as message/rfc822");
            JsonBody.send(ctx, 200, Map.of("results", diagnose(raw, lang)));
        }
    }

    /**
     * Each reply of a {@code "replies"} array, in order: a platform's batch of reply lines from its
     * own logs in one call. A blank one gets a record too (undefined), so the answers line up.
     */
    private static List<BounceRecord> explainAll(JsonNode replies, Lang lang) {
        if (!replies.isArray()) throw new ApiException(400, "\"replies\" must be an array of strings");
        if (replies.size() > MAX_REPLIES) {
            throw new ApiException(413, "at most " + MAX_REPLIES + " replies a request, not " + replies.size());
        }
        List<BounceRecord> out = new java.util.ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            JsonNode reply = replies.get(i);
            if (!reply.isTextual()) throw new ApiException(400, "replies[" + i + "] is not a string");
            if (reply.asText().length() > MAX_REPLY_CHARS) {
                throw new ApiException(413, "replies[" + i + "] is longer than a reply line may be (" + MAX_REPLY_CHARS + " characters)");
            }
            out.add(explain(reply.asText(), lang));
        }
        return out;
    }

    private static BounceRecord explain(String reply, Lang lang) {
        if (reply.length() > MAX_REPLY_CHARS) throw new ApiException(413, "a reply line may be at most " + MAX_REPLY_CHARS + " characters");
        return Bouncelens.explain(reply.strip(), lang);
    }

    private static List<BounceRecord> diagnose(byte[] raw, Lang lang) {
        try {
            return Bouncelens.diagnose(new ByteArrayInputStream(raw), lang);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ApiException(422, "could not read the message: " + QueryParams.clip(why));
        }
    }
}
