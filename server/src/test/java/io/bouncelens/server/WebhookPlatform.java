package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A sending platform's end of the suppression webhook: a real HTTP server that answers with the
 * statuses queued in {@link #answers}, then 200, and keeps every post.
 */
final class WebhookPlatform implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One post as the platform received it, and what it answered. */
    record Post(int status, String body, String timestamp, String signature) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new ArrayList<>();
    final Deque<Integer> answers = new ArrayDeque<>();
    /** How long each answer takes, as a real platform's does (the posts are answered one at a time). */
    volatile long answerMillis;

    WebhookPlatform() throws java.io.IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/suppressions", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(answerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status;
            synchronized (this) {
                status = answers.isEmpty() ? 200 : answers.poll();
                posts.add(new Post(status, new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("X-Bouncelens-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Bouncelens-Signature")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where to post; the query stands for a token some platforms put in their URLs. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/suppressions?key=abc");
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    /** Waits until the posts received satisfy {@code done}; fails after ten seconds. */
    List<Post> await(Predicate<List<Post>> done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            List<Post> now = posts();
            if (done.test(now)) return now;
            Thread.sleep(20);
        }
        throw new AssertionError("the webhook did not get what was expected; it got: " + posts());
    }

    /** The changes of the posts the platform answered 2xx, in the order it got them. */
    static List<JsonNode> taken(List<Post> posts) {
        List<JsonNode> changes = new ArrayList<>();
        for (Post p : posts) {
            if (p.status() / 100 == 2) p.json().get("results").forEach(changes::add);
        }
        return changes;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
