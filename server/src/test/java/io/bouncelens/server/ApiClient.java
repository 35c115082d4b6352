package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP calls against a running server, as any client would make them. */
final class ApiClient {

    record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** The Authorization header's value, or null. */
    private final String authorization;
    /** The Accept-Language header's value, or null. */
    private final String acceptLanguage;

    ApiClient(int port) {
        this("http://127.0.0.1:" + port, null, null);
    }

    private ApiClient(String base, String authorization, String acceptLanguage) {
        this.base = base;
        this.authorization = authorization;
        this.acceptLanguage = acceptLanguage;
    }

    ApiClient withToken(String t) {
        return new ApiClient(base, "Bearer " + t, acceptLanguage);
    }

    /** As a client in a locale sends its languages ({@code zh-HK,zh;q=0.9}). */
    ApiClient withAcceptLanguage(String languages) {
        return new ApiClient(base, authorization, languages);
    }

    /** As a webhook sends the credentials of its URL ({@code https://user:password@host/...}). */
    ApiClient withBasicAuth(String user, String password) {
        return new ApiClient(base, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), acceptLanguage);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) b.header("Authorization", authorization);
        if (acceptLanguage != null) b.header("Accept-Language", acceptLanguage);
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
