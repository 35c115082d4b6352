package io.bouncelens.server.http;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.store.BounceStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The HTTP side: the JSON API under /api/v1, /openapi.json, /healthz, /metrics and the web page.
 * Errors are always {@code {"error": "..."}} with no stack trace.
 */
public final class HttpApi implements AutoCloseable {

    private final Javalin app;

    public HttpApi(InetAddress bind, int port, BounceStore store, IntakeCounters counters, String token,
                   int maxMessageBytes) {
        DiagnoseRoutes diagnose = new DiagnoseRoutes(maxMessageBytes);
        ReferenceRoutes reference = new ReferenceRoutes();
        BounceIntake intake = new BounceIntake(store, counters);
        LogRoutes logs = new LogRoutes(maxMessageBytes, intake);
        EventRoutes events = new EventRoutes(maxMessageBytes, intake);
        StoreRoutes stored = new StoreRoutes(store);
        SuppressionRoutes suppressions = new SuppressionRoutes(store, maxMessageBytes);
        MetricsText metrics = new MetricsText(counters, store);
        byte[] openApi = resource("/io/bouncelens/server/openapi.json");
        byte[] recordWords = RecordWordsScript.render();
        byte[] tokenBytes = token == null ? null : token.getBytes(StandardCharsets.UTF_8);

        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = bind.getHostAddress();
            cfg.jetty.port = port;
            // JsonBody enforces the limit itself (and drains the rest so the client sees the 413).
            cfg.http.maxRequestSize = maxMessageBytes + 1024L * 1024;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/io/bouncelens/server/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });

            cfg.routes.before(ctx -> {
                // The page loads nothing from elsewhere; say so, so a browser enforces it.
                ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            cfg.routes.before("/api/*", ctx -> requireToken(ctx, tokenBytes));

            cfg.routes.post("/api/v1/diagnose", diagnose::diagnose);
            cfg.routes.post("/api/v1/logs", logs::diagnose);
            cfg.routes.post("/api/v1/events", events::receive);
            cfg.routes.get("/api/v1/events", events::receiveQuery);
            cfg.routes.get("/api/v1/reference", reference::sections);
            cfg.routes.get("/api/v1/reference/{id}", reference::section);
            cfg.routes.get("/api/v1/bounces", stored::bounces);
            cfg.routes.get("/api/v1/messages", stored::messages);
            cfg.routes.get("/api/v1/messages/{id}/raw", stored::rawMessage);
            cfg.routes.get("/api/v1/stats", stored::stats);
            cfg.routes.get("/api/v1/alerts", stored::alerts);
            cfg.routes.get("/api/v1/suppressions", suppressions::list);
            cfg.routes.get("/api/v1/suppression-changes", suppressions::changes);
            cfg.routes.post("/api/v1/suppressions", suppressions::add);
            cfg.routes.get("/api/v1/suppressions/{address}", suppressions::get);
            cfg.routes.delete("/api/v1/suppressions/{address}", suppressions::remove);
            cfg.routes.get("/healthz", ctx -> {
                store.messageCount(); // a query, so a broken database shows as unhealthy
                JsonBody.send(ctx, 200, Map.of("status", "ok"));
            });
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            cfg.routes.get("/record-words.js", ctx -> ctx.header("Cache-Control", "no-cache")
                    .contentType("text/javascript; charset=utf-8").result(recordWords));

            cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("bouncelens: " + ctx.method() + " " + ctx.path() + " failed: " + e);
                error(ctx, 500, "internal error; the server log has details");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || !isJson(ctx)) error(ctx, 404, "no such resource: " + ctx.path());
            });
            cfg.routes.error(405, ctx -> {
                if (!isJson(ctx)) error(ctx, 405, "method not allowed");
            });
            cfg.routes.error(413, ctx -> {
                if (!isJson(ctx)) error(ctx, 413, "the body is larger than the limit of " + maxMessageBytes + " bytes");
            });
            cfg.routes.after(ctx -> metrics.countStatus(ctx.statusCode()));
        });
    }

    public void start() {
        app.start();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * With a token configured, every call on the store needs it: reads too, since bounces,
     * raw messages and the suppression list are the addresses of one's customers. Only diagnose,
     * and logs and events unless asked to store, which show only what the caller sent, stay open.
     * The token comes as a bearer token, or as the password of HTTP Basic authentication, which
     * is what a sending service's webhook can send ({@code https://hook:TOKEN@host/...}).
     */
    private static void requireToken(Context ctx, byte[] token) {
        // the calls that store nothing and read nothing stored stay open
        if (token == null || ctx.path().equals("/api/v1/diagnose") || ctx.path().equals("/api/v1/reference") || ctx.path().startsWith("/api/v1/reference/")
                || (ctx.path().equals("/api/v1/logs") || ctx.path().equals("/api/v1/events")) && !QueryParams.stores(ctx)) {
            return;
        }
        byte[] given = givenToken(ctx.header("Authorization"));
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "this call needs the API token: Authorization: Bearer <token>");
        }
    }

    /** The token an Authorization header carries: a bearer token, or Basic's password; empty when none. */
    static byte[] givenToken(String header) {
        if (header == null) return new byte[0];
        if (header.startsWith("Bearer ")) return header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                byte[] pair = Base64.getDecoder().decode(header.substring(6).strip());
                for (int i = 0; i < pair.length; i++) {
                    if (pair[i] == ':') return Arrays.copyOfRange(pair, i + 1, pair.length);
                }
            } catch (IllegalArgumentException e) {
                return new byte[0]; // not base64: no token
            }
        }
        return new byte[0];
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static void error(Context ctx, int status, String message) {
        JsonBody.send(ctx, status, Map.of("error", message == null ? "error" : message));
    }

    private static byte[] resource(String path) {
        try (InputStream in = HttpApi.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + path, e);
        }
    }
}
