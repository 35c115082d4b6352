package io.bouncelens.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bouncelens.Lang;
import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.EventText;
import io.bouncelens.server.json.RecordJson;
import io.bouncelens.server.store.BounceQuery;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Page;
import io.bouncelens.server.store.SenderAlert;
import io.bouncelens.server.store.StoredBounce;
import io.bouncelens.server.store.StoredMessage;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views of the store: stored records, raw messages, counts and sender-side alerts. */
final class StoreRoutes {

    private static final long DEFAULT_STATS_WINDOW = Duration.ofDays(30).toMillis();

    private final BounceStore store;

    StoreRoutes(BounceStore store) {
        this.store = store;
    }

    void bounces(Context ctx) {
        BounceQuery query = new BounceQuery(QueryParams.text(ctx, "recipient"), QueryParams.text(ctx, "reason"),
                QueryParams.text(ctx, "provider"), QueryParams.time(ctx, "since"), QueryParams.time(ctx, "until"),
                QueryParams.idCursor(ctx), QueryParams.limit(ctx));
        Lang lang = QueryParams.lang(ctx);
        Page<StoredBounce> page = store.bounces(query);
        List<ObjectNode> results = new ArrayList<>(page.items().size());
        for (StoredBounce b : page.items()) results.add(bounceJson(b, lang));
        JsonBody.send(ctx, 200, pageBody(results, page.nextCursor()));
    }

    void messages(Context ctx) {
        Page<StoredMessage> page = store.messages(QueryParams.idCursor(ctx), QueryParams.limit(ctx));
        List<Map<String, Object>> results = new ArrayList<>();
        for (StoredMessage m : page.items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.id());
            row.put("receivedAt", Instant.ofEpochMilli(m.receivedAt()).toString());
            row.put("source", m.source());
            row.put("mailFrom", m.mailFrom());
            row.put("rcptTo", m.rcptTo());
            row.put("size", m.sizeBytes());
            row.put("records", m.recordCount());
            if (m.diagnoseError() != null) row.put("diagnoseError", m.diagnoseError());
            results.add(row);
        }
        JsonBody.send(ctx, 200, pageBody(results, page.nextCursor()));
    }

    void rawMessage(Context ctx) {
        long id = pathId(ctx);
        byte[] raw = store.raw(id).orElseThrow(() -> new ApiException(404, "no stored message " + id));
        String source = store.source(id).orElse("");
        ctx.contentType(switch (source) {
            case BounceIntake.LOG_SOURCE -> "text/plain; charset=utf-8";
            case BounceIntake.EVENT_SOURCE -> EventText.isForm(raw) ? "application/x-www-form-urlencoded" : "application/json";
            default -> "message/rfc822";
        }).result(raw);
    }

    void stats(Context ctx) {
        Long sinceParam = QueryParams.time(ctx, "since");
        long since = sinceParam != null ? sinceParam : store.now() - DEFAULT_STATS_WINDOW;
        Long until = QueryParams.time(ctx, "until");
        String by = QueryParams.text(ctx, "by");
        if (by == null) by = "reason";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("by", by);
        body.put("since", Instant.ofEpochMilli(since).toString());
        switch (by) {
            case "reason", "provider", "day" -> body.put("counts", store.counts(by, since, until, 1000));
            case "remoteHost" -> body.put("counts", store.counts("remote_host", since, until, 20));
            default -> throw new ApiException(400, "by must be reason, provider, day or remoteHost");
        }
        String split = QueryParams.text(ctx, "split");
        if (split != null) {
            if (!by.equals("day") || !(split.equals("reason") || split.equals("provider"))) {
                throw new ApiException(400, "split (reason or provider) goes with by=day");
            }
            body.put("split", split);
            body.put("series", store.daily(split, since));
        }
        JsonBody.send(ctx, 200, body);
    }

    void alerts(Context ctx) {
        Lang lang = QueryParams.lang(ctx);
        Long sinceParam = QueryParams.time(ctx, "since");
        long since = sinceParam != null ? sinceParam : store.now() - DEFAULT_STATS_WINDOW;
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (SenderAlert a : store.senderAlerts(since)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reason", a.reason());
            if (a.provider() != null) row.put("provider", a.provider());
            row.put("count", a.count());
            row.put("lastSeen", Instant.ofEpochMilli(a.lastSeen()).toString());
            row.put("latest", bounceJson(a.latest(), lang));
            alerts.add(row);
        }
        JsonBody.send(ctx, 200, Map.of("alerts", alerts));
    }

    /** A stored record with its explanation and fix in {@code lang} when they were stored in it. */
    static ObjectNode bounceJson(StoredBounce b, Lang lang) {
        ObjectNode node = readTree(b.recordJson());
        if (lang != Lang.EN && b.adviceJson() != null) {
            ObjectNode advice = readTree(b.adviceJson());
            if (advice.get(lang.tag()) instanceof ObjectNode words) {
                if (words.hasNonNull("explanation")) node.set("explanation", words.get("explanation"));
                if (words.hasNonNull("fix")) node.set("fix", words.get("fix"));
            }
        }
        node.put("id", b.id());
        if (b.messageId() != null) node.put("storedMessage", b.messageId());
        node.put("receivedAt", Instant.ofEpochMilli(b.receivedAt()).toString());
        node.put("effect", b.effect());
        return node;
    }

    static ObjectNode readTree(String json) {
        try {
            return (ObjectNode) RecordJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored record is not JSON", e);
        }
    }

    private static long pathId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "the id must be a number");
        }
    }

    private static Map<String, Object> pageBody(List<?> results, String nextCursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("nextCursor", nextCursor);
        return body;
    }
}
