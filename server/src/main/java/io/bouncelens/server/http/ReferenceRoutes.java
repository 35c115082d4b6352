package io.bouncelens.server.http;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.ReplyReference;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reference}: the replies the knowledge base knows, as a provider's help page
 * lists its bounce messages ({@link ReplyReference}). Without an id, the sections and how many
 * replies each holds; {@code /api/v1/reference/{id}}, one section with a record per reply. It
 * reads nothing stored, so it needs no token.
 */
final class ReferenceRoutes {

    void sections(Context ctx) {
        Lang lang = QueryParams.lang(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReplyReference.Section s : Bouncelens.standard().replyReference(lang)) {
            Map<String, Object> section = head(s);
            section.put("replies", s.replies().size());
            out.add(section);
        }
        JsonBody.send(ctx, 200, Map.of("sections", out));
    }

    void section(Context ctx) {
        Lang lang = QueryParams.lang(ctx);
        String id = ctx.pathParam("id");
        for (ReplyReference.Section s : Bouncelens.standard().replyReference(lang)) {
            if (s.id().equals(id)) {
                Map<String, Object> section = head(s);
                section.put("replies", s.replies());
                JsonBody.send(ctx, 200, section);
                return;
            }
        }
        throw new ApiException(404, "no reference section '" + QueryParams.clip(id) + "' (GET /api/v1/reference lists them)");
    }

    private static Map<String, Object> head(ReplyReference.Section s) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("id", s.id());
        section.put("kind", s.kind().label());
        section.put("name", s.name());
        return section;
    }
}
