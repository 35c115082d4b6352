package io.bouncelens.server.http;

import io.bouncelens.Lang;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads and checks query parameters; a bad one is a 400 with a message that names it. */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * The language of the answer: {@code ?lang=} when given (anything else than our three, or a
     * tag that {@link Lang#fromTag} maps to one, is a 400), else the client's {@code Accept-Language}
     * (so a program in a Chinese locale gets Chinese advice without asking), else English.
     */
    static Lang lang(Context ctx) {
        String tag = ctx.queryParam("lang");
        if (tag == null || tag.isBlank()) {
            // the answer depends on the header, sent or not: a cache must not give one client's to another
            ctx.res().addHeader("Vary", "Accept-Language");
            String accepted = ctx.header("Accept-Language");
            return accepted == null ? Lang.EN : AcceptLanguage.preferred(accepted);
        }
        Lang lang = Lang.fromTag(tag);
        if (lang == null) throw new ApiException(400, "lang must be en, zh-CN or zh-TW, not '" + clip(tag) + "'");
        return lang;
    }

    /** A time as 2026-11-28, 2026-11-28T10:00:00Z or epoch milliseconds; null when absent. */
    static Long time(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        String t = v.strip();
        try {
            if (t.length() <= 13 && t.chars().allMatch(Character::isDigit)) return Long.parseLong(t);
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ApiException(400, name + " must be a date (2026-11-28), an ISO instant or epoch milliseconds, not '"
                    + clip(t) + "'");
        }
    }

    static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) return 50;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "limit must be a positive number");
        }
    }

    static Long idCursor(Context ctx) {
        String v = ctx.queryParam("cursor");
        if (v == null || v.isBlank()) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "cursor must be a value returned as nextCursor");
        }
    }

    /**
     * {@code ?store=true}: the request asks for what it sends to be stored (logs, events), which
     * makes it a call on the store, one that needs the token.
     */
    static boolean stores(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("store"));
    }

    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > 320) throw new ApiException(400, name + " is too long");
        return v.strip();
    }

    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
