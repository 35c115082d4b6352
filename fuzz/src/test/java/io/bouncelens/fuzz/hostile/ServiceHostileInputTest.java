package io.bouncelens.fuzz.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's hostile messages sent to a running {@code bouncelens serve} (a child JVM with a 256 MB
 * heap and its own SQLite store), over HTTP ({@code POST /api/v1/diagnose}, and as a log's piece
 * and a webhook's body to be stored) and over SMTP: each gets an answer within 30 s, and
 * afterwards the service still answers both protocols and has logged no stack trace.
 */
class ServiceHostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private static Process server;
    private static final List<String> serverLog = new CopyOnWriteArrayList<>();
    private static int httpPort;
    private static int smtpPort;

    @BeforeAll
    static void startServerAndGenerateInputs() throws Exception {
        for (HostileInput input : HostileInput.values()) input.writeInto(dir);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "io.bouncelens.cli.Main", "serve", "--http-port", "0", "--smtp-port", "0",
                "--data", dir.resolve("store").toString());
        server = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((httpPort == 0 || smtpPort == 0) && System.nanoTime() < deadline) {
            String line = err.readLine();
            if (line == null) break;
            serverLog.add(line);
            if (line.contains("API on http://")) httpPort = portIn(line.substring(line.indexOf("http://") + 7));
            if (line.contains("SMTP bounce intake on ")) smtpPort = portIn(line.substring(line.indexOf(" on ") + 4));
        }
        assertThat(httpPort).as("HTTP port; server said %s", serverLog).isPositive();
        assertThat(smtpPort).as("SMTP port; server said %s", serverLog).isPositive();
        Thread drain = new Thread(() -> err.lines().forEach(serverLog::add), "server-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    private static int portIn(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        int end = colon + 1;
        while (end < hostPort.length() && Character.isDigit(hostPort.charAt(end))) end++;
        return Integer.parseInt(hostPort.substring(colon + 1, end));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(serverLog).as("server log").noneMatch(line -> line.startsWith("\tat ") || line.contains("OutOfMemoryError"));
    }

    @ParameterizedTest
    @EnumSource(HostileInput.class)
    void httpDiagnoseAnswersAndTheServiceStaysUp(HostileInput input) throws Exception {
        HttpResponse<String> response = post("/api/v1/diagnose", "message/rfc822", input);
        if (response == null) return;
        assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 413, 422);
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() == 200) {
            assertThat(body.get("results").isArray()).isTrue();
            if (input == HostileInput.DSN_WITH_10000_RECIPIENTS) {
                assertThat(body.get("results")).hasSize(HostileInput.RECIPIENTS_IN_BIG_REPORT);
            }
        } else {
            assertThat(body.path("error").asText()).isNotBlank().doesNotContain("\n");
        }
        assertStillAnswering();
    }

    /** Each input also as a piece of log and as a webhook body, to be stored: the intakes that are not SMTP. */
    @ParameterizedTest
    @EnumSource(HostileInput.class)
    void logAndEventIntakesAnswerAndTheServiceStaysUp(HostileInput input) throws Exception {
        for (String route : List.of("/api/v1/logs?store=true", "/api/v1/events?store=true")) {
            HttpResponse<String> response = post(route, "text/plain", input);
            if (response == null) continue;
            assertThat(response.statusCode()).as(route + ": " + response.body()).isIn(200, 201, 400, 413);
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() >= 400) assertThat(body.path("error").asText()).isNotBlank().doesNotContain("\n");
            else assertThat(body.get("results").isArray()).as(route).isTrue();
            assertStillAnswering();
        }
    }

    @ParameterizedTest
    @EnumSource(HostileInput.class)
    void smtpIntakeAnswersAndTheServiceStaysUp(HostileInput input) throws Exception {
        try (SmtpSession smtp = new SmtpSession(smtpPort, 30_000)) {
            assertThat(smtp.greeting()).isEqualTo(220);
            assertThat(smtp.command("EHLO hostile.example")).isEqualTo(250);
            assertThat(smtp.command("MAIL FROM:<>")).isEqualTo(250);
            assertThat(smtp.command("RCPT TO:<bounces@intake.example>")).isEqualTo(250);
            int answer = smtp.sendMessage(file(input));
            // 250 taken (diagnosed or kept as unreadable), 552 too big, 554/451 refused; -1: cut off when too big.
            if (answer == -1) assertThat(file(input).toFile().length()).isGreaterThan(10L << 20);
            else assertThat(answer).isIn(250, 451, 452, 550, 552, 554);
        }
        assertStillAnswering();
    }

    /**
     * Posts the input's file to {@code route}; null when the server closed the connection on a
     * body over its limit before reading it all (checked to be one, and the service still up).
     */
    private static HttpResponse<String> post(String route, String contentType, HostileInput input) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + route))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file(input)))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException cutOff) {
            assertThat(file(input).toFile().length())
                    .as(route + ": only an oversized body may be cut off: " + cutOff).isGreaterThan(10L << 20);
            assertStillAnswering();
            return null;
        }
    }

    private static void assertStillAnswering() throws Exception {
        assertThat(server.isAlive()).as("server process alive; log %s", serverLog).isTrue();
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/healthz"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        try (SmtpSession smtp = new SmtpSession(smtpPort, 10_000)) {
            assertThat(smtp.greeting()).isEqualTo(220);
            smtp.command("QUIT");
        }
    }

    private static Path file(HostileInput input) {
        return dir.resolve(input.name().toLowerCase(Locale.ROOT) + ".eml");
    }
}
