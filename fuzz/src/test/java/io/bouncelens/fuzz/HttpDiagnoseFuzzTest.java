package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncelens.server.BounceServer;
import io.bouncelens.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/diagnose} of a real server (HTTP over loopback, SQLite store) with any body
 * under any content type and language: the answer is always JSON, a client error is a 4xx with
 * an {@code error} line, and nothing a client sends makes it a 500.
 */
class HttpDiagnoseFuzzTest {

    private static final String[] CONTENT_TYPES = {"message/rfc822", "application/json", "text/plain; charset=utf-8",
            "application/octet-stream", "multipart/report; boundary=x", "text/plain; charset=gb18030", ""};
    private static final String[] LANGS = {"en", "zh-CN", "zh-TW", "xx", ""};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One server for the whole run: starting one per input would measure Jetty, not the endpoint. */
    private static final class Server {
        static final BounceServer INSTANCE = start();
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private static BounceServer start() {
            try {
                Path data = Files.createTempDirectory("bouncelens-fuzz");
                BounceServer server = BounceServer.start(ServerConfig.loopback(data).withPorts(0, 0));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    deleteQuietly(data);
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the JVM is leaving; a directory in the system's temporary space is not worth a stack trace
        }
    }

    @FuzzTest(maxDuration = "30s")
    void answersAnyBodyWithJson(FuzzedDataProvider data) throws Exception {
        String contentType = data.pickValue(CONTENT_TYPES);
        String lang = data.pickValue(LANGS);
        byte[] body = data.consumeRemainingAsBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Server.INSTANCE.httpPort()
                        + "/api/v1/diagnose" + (lang.isEmpty() ? "" : "?lang=" + lang)))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) request.header("Content-Type", contentType);

        HttpResponse<String> response;
        // Jazzer's SSRF detector flags every connection; this one goes to our own loopback server.
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections(
                (host, port) -> port == Server.INSTANCE.httpPort()
                        && (host.equals("127.0.0.1") || host.equals("localhost")))) {
            response = Server.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 413, 415, 422);
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() == 200) {
            assertThat(answer.has("results") || answer.has("reason")).as(response.body()).isTrue();
        } else {
            assertThat(answer.path("error").asText()).as(response.body()).isNotBlank().doesNotContain("\n");
        }
    }
}
