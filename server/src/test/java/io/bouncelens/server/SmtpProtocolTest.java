package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP side as a sending MTA sees it: replies, limits, and what ends up stored. */
class SmtpProtocolTest {

    RunningServer running;
    ApiClient api;

    @BeforeEach
    void start() throws Exception {
        running = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-smtp"))
                .withMaxMessageBytes(256 * 1024));
        api = running.api;
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    @Test
    void storesABounceSentWithTheNullSenderExactlyAsReceived() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
        }
        JsonNode messages = api.get("/api/v1/messages").json().get("results");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("mailFrom").asText()).isEmpty();
        assertThat(messages.get(0).get("rcptTo").asText()).isEqualTo("bounces@sender.example");
        assertThat(messages.get(0).get("source").asText()).isEqualTo("smtp");
        long id = messages.get(0).get("id").asLong();
        String raw = api.get("/api/v1/messages/" + id + "/raw").body();
        // RFC 5321 section 4.4: the receiving server prepends its Received line; the rest is byte for byte.
        // Named by its address (no DNS lookup on the way to the 250), plain SMTP, the one recipient,
        // and an RFC 5322 date that parses.
        assertThat(raw).startsWith("Received: from tests.example ([127.0.0.1])\r\n\tby bouncelens (bouncelens) with SMTP id ");
        String trace = raw.substring(0, raw.indexOf("\r\n", raw.indexOf(';') + 3) + 2);
        assertThat(trace).contains("\r\n\tfor <bounces@sender.example>;\r\n\t");
        java.time.ZonedDateTime stamped = java.time.ZonedDateTime.parse(trace.substring(trace.indexOf(";\r\n\t") + 4).strip(),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(stamped.toInstant()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
        assertThat(raw.replace("\r\n", "\n")).endsWith(new String(TestBounces.bytes(TestBounces.USER_UNKNOWN), StandardCharsets.UTF_8));
        assertThat(api.get("/metrics").body()).contains("bouncelens_smtp_messages_total{outcome=\"accepted\"} 1");
    }

    @Test
    void aMessageOverTheSizeLimitGets552AndTheSessionGoesOn() throws Exception {
        int limit = running.server.config().maxMessageBytes();
        byte[] huge = ("Subject: big\r\n\r\n" + "x".repeat(76) + "\r\n").repeat(limit / 78 + 10).getBytes(StandardCharsets.US_ASCII);
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            assertThat(smtp.send("", "bounces@sender.example", huge)).startsWith("552");
            assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
        }
        assertThat(api.get("/api/v1/messages").json().get("results")).hasSize(1);
        assertThat(api.get("/metrics").body()).contains("bouncelens_smtp_messages_total{outcome=\"too_large\"} 1");
    }

    @Test
    void refusesRecipientsOutsideTheConfiguredDomains() throws Exception {
        try (RunningServer only = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-domains"))
                .withDomains(List.of("sender.example")))) {
            try (SmtpClient smtp = new SmtpClient(only.smtpPort())) {
                assertThat(smtp.send("", "someone@elsewhere.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("550");
                assertThat(smtp.send("", "bounces@mail.sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            }
            assertThat(only.api.get("/api/v1/messages").json().get("results")).hasSize(1);
        }
    }

    @Test
    void oneAddressBeyondThisMachineGetsNoMoreThanItsShareOfSessions() throws Exception {
        java.net.InetAddress outward = outwardAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(outward != null, "this machine has no address beyond loopback");
        String host = outward.getHostAddress();
        ServerConfig config = RunningServer.config(Files.createTempDirectory("bouncelens-per-address"))
                .withBind(java.net.InetAddress.getByName("0.0.0.0")).withToken("t").withDomains(List.of("sender.example"))
                .withMaxSmtpConnectionsPerAddress(2);
        try (RunningServer server = RunningServer.start(config);
             SmtpClient first = new SmtpClient(host, server.smtpPort());
             SmtpClient second = new SmtpClient(host, server.smtpPort())) {
            assertThat(greeting(host, server.smtpPort()))
                    .isEqualTo("421 4.7.0 Too many connections from " + host + "; try again later");
            // this machine's own sessions (a relaying MTA in front) are not counted against it
            try (SmtpClient local = new SmtpClient(server.smtpPort())) {
                assertThat(local.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.MAILBOX_FULL))).startsWith("250");
            }
            assertThat(first.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            second.close(); // a place comes free, once the server has seen that session end
            int refusedMeanwhile = 0;
            SmtpClient accepted = null;
            for (long until = System.nanoTime() + 10_000_000_000L; accepted == null; ) {
                try {
                    accepted = new SmtpClient(host, server.smtpPort());
                } catch (java.io.IOException refused) {
                    if (System.nanoTime() > until) throw refused;
                    refusedMeanwhile++;
                    Thread.sleep(50);
                }
            }
            try (SmtpClient third = accepted) {
                assertThat(third.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.BLOCKED))).startsWith("250");
            }
            assertThat(server.api.get("/metrics").body())
                    .contains("bouncelens_smtp_sessions_refused_total{cause=\"per_address\"} " + (1 + refusedMeanwhile) + "\n");
        }
    }

    private static String greeting(String host, int port) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(host, port)) {
            socket.setSoTimeout(10_000);
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /** One of this machine's IPv4 addresses that is not loopback, or null. */
    private static java.net.InetAddress outwardAddress() throws java.io.IOException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a;
            }
        }
        return null;
    }

    @Test
    void refusesSessionsBeyondTheConnectionLimit() throws Exception {
        try (RunningServer small = RunningServer.start(RunningServer.config(Files.createTempDirectory("bouncelens-conns"))
                .withMaxSmtpConnections(2));
             SmtpClient first = new SmtpClient(small.smtpPort());
             SmtpClient second = new SmtpClient(small.smtpPort())) {
            try (java.net.Socket third = new java.net.Socket("127.0.0.1", small.smtpPort())) {
                third.setSoTimeout(10_000);
                String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(third.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertThat(greeting).startsWith("421");
            }
            // The two sessions inside the limit still work.
            assertThat(first.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            assertThat(second.send("", "bounces@sender.example", TestBounces.bytes(TestBounces.BLOCKED))).startsWith("250");
        }
    }
}
