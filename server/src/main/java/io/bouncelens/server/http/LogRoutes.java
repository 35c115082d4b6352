package io.bouncelens.server.http;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.log.LogReader;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/logs}: lines of a mail server's log (Postfix, Sendmail, Exim, qmail,
 * PowerMTA) as text give {@code {"lines":N,"results":[records]}}, a record per failed or deferred
 * recipient (with {@code ?all=true} the delivered ones too), each with its line's number as
 * {@code message}; at most {@link #MAX_RECORDS}, then {@code "truncated":true}. The same reading
 * as {@code bouncelens logs}; nothing is stored.
 */
final class LogRoutes {

    /** A longer line is cut here, as the command cuts it. */
    static final int MAX_LINE_CHARS = 64 * 1024;
    /**
     * Records one request may give, as a report's recipients are bounded: a Sendmail line may name
     * a thousand recipients, and a record is a hundred times the bytes of its address.
     */
    static final int MAX_RECORDS = 10_000;

    private final int maxBodyBytes;

    LogRoutes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void diagnose(Context ctx) {
        Lang lang = QueryParams.lang(ctx);
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
        String text = new String(JsonBody.read(ctx, maxBodyBytes), StandardCharsets.UTF_8);
        if (text.isBlank()) throw new ApiException(400, "the body is empty; send log lines as text/plain");
        Bouncelens bouncelens = Bouncelens.standard();
        LogReader reader = new LogReader(); // the request's lines are one piece of a log
        List<BounceRecord> results = new ArrayList<>();
        int number = 0;
        boolean truncated = false;
        for (int start = 0; start < text.length() && !truncated; ) {
            int end = lineEnd(text, start);
            number++;
            String line = text.substring(start, Math.min(end, start + MAX_LINE_CHARS));
            for (BounceRecord r : bouncelens.logRecords(reader.read(line), lang, null, number)) {
                if (!all && "delivered".equals(r.action())) continue;
                if (results.size() == MAX_RECORDS) {
                    truncated = true; // "lines" then counts up to the line that did not fit
                    break;
                }
                results.add(r);
            }
            start = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
        }
        JsonBody.send(ctx, 200, truncated ? Map.of("lines", number, "results", results, "truncated", true)
                : Map.of("lines", number, "results", results));
    }

    /** Where the line starting at {@code from} ends: at its LF or CR, or at the end of the text. */
    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return i;
        }
        return text.length();
    }
}
