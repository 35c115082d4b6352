package io.bouncelens.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.bouncelens.Lang;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Page;
import io.bouncelens.server.store.Suppression;
import io.bouncelens.server.store.SuppressionChange;
import io.javalin.http.Context;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suppression list: list and search (or export as CSV), look one up (with the bounce that put
 * it there), add (one, or a CSV list), remove.
 */
final class SuppressionRoutes {

    private final BounceStore store;
    private final int maxImportBytes;

    /** @param maxImportBytes the largest CSV list accepted in one request */
    SuppressionRoutes(BounceStore store, int maxImportBytes) {
        this.store = store;
        this.maxImportBytes = maxImportBytes;
    }

    void list(Context ctx) throws IOException {
        if ("csv".equals(QueryParams.text(ctx, "format"))) {
            exportCsv(ctx);
            return;
        }
        String cursor = QueryParams.text(ctx, "cursor");
        Page<Suppression> page = store.suppressions(QueryParams.text(ctx, "q"), cursor, QueryParams.limit(ctx));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Suppression s : page.items()) results.add(entryJson(s, null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("nextCursor", page.nextCursor());
        JsonBody.send(ctx, 200, body);
    }

    /**
     * {@code GET /api/v1/suppression-changes?after=ID&limit=N}: the list's changes after the one
     * numbered {@code ID} (0, or none, for the first), in the order they were committed, and
     * {@code after} to ask with next time: a sending platform keeps its own copy in step by
     * asking again and again, and misses nothing, removals included.
     */
    void changes(Context ctx) {
        long after = 0;
        String given = QueryParams.text(ctx, "after");
        if (given != null) {
            try {
                after = Long.parseLong(given.strip());
                if (after < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new ApiException(400, "after must be a change's number (0 or more)");
            }
        }
        long prunedThrough = store.suppressionChangesPrunedThrough();
        if (after < prunedThrough) {
            // Changes this reader has not seen are gone: a page from here would have a hole in it.
            Map<String, Object> gone = new LinkedHashMap<>();
            gone.put("error", "the changes after " + after + " up to " + prunedThrough + " were pruned; read the whole "
                    + "list (GET /api/v1/suppressions?format=csv), then follow the changes after the number given here");
            gone.put("prunedThrough", prunedThrough);
            gone.put("after", store.lastSuppressionChange()); // taken before the list is read, so nothing falls between
            JsonBody.send(ctx, 410, gone);
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        long last = after;
        for (SuppressionChange c : store.suppressionChanges(after, QueryParams.limit(ctx))) {
            results.add(c.fields());
            last = c.id();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("after", last);
        JsonBody.send(ctx, 200, body);
    }

    /**
     * {@code ?format=csv}: every entry (those matching {@code q}), in address order, as one CSV
     * file to load into a sending platform's own list. Written a page at a time as it is read, so
     * a list of millions takes the memory of a page.
     */
    private void exportCsv(Context ctx) throws IOException {
        String search = QueryParams.text(ctx, "q");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"suppressions.csv\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            out.write("address,reason,source,since,note\r\n");
            String cursor = null;
            do {
                Page<Suppression> page = store.suppressions(search, cursor, BounceStore.MAX_PAGE);
                for (Suppression s : page.items()) {
                    out.write(csv(s.address()) + "," + csv(s.reason()) + "," + csv(s.source()) + ","
                            + Instant.ofEpochMilli(s.since()) + "," + csv(spreadsheetSafe(s.note())) + "\r\n");
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
    }

    /** A field as RFC 4180 writes it: quoted, its quotes doubled, when it holds a comma, a quote or a line end. */
    private static String csv(String field) {
        if (field == null) return "";
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** A note typed by a person, which a spreadsheet would run as a formula if it started with = + - or @. */
    private static String spreadsheetSafe(String note) {
        if (note == null || note.isEmpty()) return note;
        char c = note.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' ? "'" + note : note;
    }

    void get(Context ctx) {
        String address = address(ctx);
        Suppression s = store.suppression(address)
                .orElseThrow(() -> new ApiException(404, address + " is not suppressed"));
        JsonBody.send(ctx, 200, entryJson(s, QueryParams.lang(ctx)));
    }

    void add(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            importCsv(ctx);
            return;
        }
        JsonNode body = JsonBody.readJson(ctx, 64 * 1024);
        JsonNode addressNode = body.get("address");
        if (addressNode == null || !addressNode.isTextual()) {
            throw new ApiException(400, "the JSON body needs an \"address\" string");
        }
        String address = checked(addressNode.asText());
        JsonNode noteNode = body.get("note");
        String note = noteNode != null && noteNode.isTextual() ? noteNode.asText() : null;
        if (note != null && note.length() > 1000) throw new ApiException(400, "the note may be at most 1000 characters");
        boolean existed = store.suppression(address).isPresent();
        Suppression s = store.addManual(address, note);
        JsonBody.send(ctx, existed ? 200 : 201, entryJson(s, null));
    }

    /**
     * A CSV body ({@code Content-Type: text/csv}): every address in it added by hand, in one
     * transaction, with the note of its line (or "imported"); lines without an address are
     * answered by number. Loads the file {@code ?format=csv} exports, or any list of addresses.
     */
    private void importCsv(Context ctx) {
        // (UTF-8 with or without Excel's mark, or the GBK a Chinese Windows Excel saves as "CSV")
        SuppressionImport in = SuppressionImport.read(BodyText.decode(JsonBody.read(ctx, maxImportBytes), ctx.contentType()));
        int added = in.notes().isEmpty() ? 0 : store.addManualAll(in.notes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("added", added);
        body.put("alreadySuppressed", in.notes().size() - added);
        body.put("rejectedLines", in.rejectedCount());
        body.put("rejected", in.rejected());
        JsonBody.send(ctx, 200, body);
    }

    void remove(Context ctx) {
        String address = address(ctx);
        if (!store.remove(address)) throw new ApiException(404, address + " is not suppressed");
        ctx.status(204);
    }

    /** With the bounce that put it there, explained in {@code bounceLang}; without it when that is null. */
    private Map<String, Object> entryJson(Suppression s, Lang bounceLang) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("address", s.address());
        row.put("reason", s.reason());
        row.put("source", s.source());
        row.put("since", Instant.ofEpochMilli(s.since()).toString());
        if (s.note() != null) row.put("note", s.note());
        if (s.bounceId() != null) {
            row.put("bounceId", s.bounceId());
            if (bounceLang != null) store.bounce(s.bounceId()).ifPresent(b -> row.put("bounce", StoreRoutes.bounceJson(b, bounceLang)));
        }
        return row;
    }

    private static String address(Context ctx) {
        // Javalin has already percent-decoded the path; decoding again would turn a+b@x into 'a b@x'.
        return checked(ctx.pathParam("address"));
    }

    /** An address is one token with an @, at most 320 characters (RFC 5321's limits), no spaces or controls. */
    static String checked(String address) {
        String a = BounceStore.normalise(address);
        if (a == null || a.length() > 320 || a.indexOf('@') <= 0 || a.indexOf('@') == a.length() - 1) {
            throw new ApiException(400, "not an email address: '" + QueryParams.clip(address == null ? "" : address) + "'");
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c <= ' ' || c == 0x7f) throw new ApiException(400, "an email address has no spaces or control characters");
        }
        return a;
    }
}
