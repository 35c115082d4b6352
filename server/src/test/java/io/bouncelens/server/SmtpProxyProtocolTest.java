package io.bouncelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.bouncelens.server.smtp.AddressRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.bouncelens.server.smtp.ProxyHeaders.v1;
import static io.bouncelens.server.smtp.ProxyHeaders.v2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP intake behind a TCP load balancer (HAProxy's {@code send-proxy}, an AWS Network Load
 * Balancer with proxy protocol v2): real sessions that open with the header the balancer writes.
 */
class SmtpProxyProtocolTest {

    /** Data directories and files of this class's tests, removed after each. */
    @TempDir
    Path scratch;

    private static final String DOMAIN = "sender.example";

    @Test
    void theSenderTheBalancerNamesIsTheOneLimitedAndRecorded() throws Exception {
        ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("proxy")))
                .withSmtpProxies(List.of(AddressRange.parse("127.0.0.0/8")))
                .withMaxSmtpConnectionsPerAddress(2);
        try (RunningServer server = RunningServer.start(config);
             SmtpClient first = new SmtpClient("127.0.0.1", server.smtpPort(), v1("203.0.113.7", 40001));
             SmtpClient second = new SmtpClient("127.0.0.1", server.smtpPort(), v1("203.0.113.7", 40002))) {
            // Every session comes from the balancer on loopback, which alone is never limited; the
            // sender it names is: a third session for 203.0.113.7 is turned away...
            assertThat(firstLine(server.smtpPort(), v1("203.0.113.7", 40003)))
                    .isEqualTo("421 4.7.0 Too many connections from 203.0.113.7; try again later");
            // ...while another sender, named in version 2's binary header, gets in and delivers.
            try (SmtpClient other = new SmtpClient("127.0.0.1", server.smtpPort(),
                    v2(InetAddress.getByName("2001:db8:5::25"), 40004, true))) {
                assertThat(other.send("", "bounces@" + DOMAIN, TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            }
            assertThat(first.send("", "bounces@" + DOMAIN, TestBounces.bytes(TestBounces.MAILBOX_FULL))).startsWith("250");

            // The Received line each stored message starts with names the sender, not the balancer.
            JsonNode messages = server.api.get("/api/v1/messages").json().get("results");
            assertThat(messages).hasSize(2);
            String newest = server.api.get("/api/v1/messages/" + messages.get(0).get("id").asLong() + "/raw").body();
            String older = server.api.get("/api/v1/messages/" + messages.get(1).get("id").asLong() + "/raw").body();
            assertThat(receivedLine(newest)).contains("203.0.113.7").doesNotContain("127.0.0.1");
            assertThat(receivedLine(older)).contains("2001:db8:5:0:0:0:0:25").doesNotContain("127.0.0.1");
            assertThat(server.api.get("/metrics").body())
                    .contains("bouncelens_smtp_sessions_refused_total{cause=\"per_address\"} 1\n")
                    .contains("bouncelens_smtp_sessions_refused_total{cause=\"proxy_header\"} 0\n");
        }
    }

    @Test
    void aBalancersHealthCheckKeepsItsOwnAddressAndStillGetsAGreeting() throws Exception {
        ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("proxy-local")))
                .withSmtpProxies(List.of(AddressRange.parse("127.0.0.1")));
        try (RunningServer server = RunningServer.start(config)) {
            assertThat(firstLine(server.smtpPort(), v2(InetAddress.getByName("127.0.0.1"), 0, false))).startsWith("220 ");
            assertThat(firstLine(server.smtpPort(), "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII))).startsWith("220 ");
            // and a health-checked session on the balancer's own (loopback) address is not limited
            try (SmtpClient local = new SmtpClient("127.0.0.1", server.smtpPort(), "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII))) {
                assertThat(local.send("", "bounces@" + DOMAIN, TestBounces.bytes(TestBounces.BLOCKED))).startsWith("250");
            }
        }
    }

    @Test
    void aBalancerThatSendsNoHeaderOrABrokenOneIsToldSoAndCounted() throws Exception {
        ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("proxy-missing")))
                .withSmtpProxies(List.of(AddressRange.parse("127.0.0.1/32")));
        try (RunningServer server = RunningServer.start(config)) {
            // A balancer set up without send-proxy: the client's EHLO is not a header.
            assertThat(firstLine(server.smtpPort(), "EHLO client.example\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo("421 4.3.0 no PROXY protocol header from the load balancer at 127.0.0.1; closing");
            assertThat(firstLine(server.smtpPort(), "PROXY TCP4 203.0.113.300 192.0.2.1 40000 25\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo("421 4.3.0 malformed PROXY header from the load balancer at 127.0.0.1; closing");
            // a line that never ends within the protocol's 107 bytes
            assertThat(firstLine(server.smtpPort(), ("PROXY TCP4 " + "1".repeat(200) + "\r\n").getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("421 4.3.0 malformed PROXY header");
            assertThat(server.api.get("/metrics").body())
                    .contains("bouncelens_smtp_sessions_refused_total{cause=\"proxy_header\"} 3\n");
            assertThat(server.api.get("/api/v1/messages").json().get("results")).isEmpty();
        }
    }

    @Test
    void anyoneElseCannotClaimAnAddress() throws Exception {
        // The balancer is elsewhere; this machine's sessions are plain SMTP, and a PROXY line is a command it does not know.
        ServerConfig config = RunningServer.config(Files.createDirectories(scratch.resolve("proxy-untrusted")))
                .withSmtpProxies(List.of(AddressRange.parse("192.0.2.0/24")));
        try (RunningServer server = RunningServer.start(config);
             Socket socket = new Socket("127.0.0.1", server.smtpPort())) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            socket.getOutputStream().write(v1("203.0.113.7", 40000));
            socket.getOutputStream().flush();
            assertThat(in.readLine()).startsWith("220 ");
            assertThat(in.readLine()).startsWith("500");
            try (SmtpClient plain = new SmtpClient(server.smtpPort())) {
                assertThat(plain.send("", "bounces@" + DOMAIN, TestBounces.bytes(TestBounces.USER_UNKNOWN))).startsWith("250");
            }
            String raw = server.api.get("/api/v1/messages/"
                    + server.api.get("/api/v1/messages").json().get("results").get(0).get("id").asLong() + "/raw").body();
            assertThat(receivedLine(raw)).contains("127.0.0.1").doesNotContain("203.0.113.7");
        }
    }

    private static String firstLine(int port, byte[] preamble) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(preamble);
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** The Received field the intake put first, unfolded. */
    private static String receivedLine(String raw) {
        String unfolded = raw.replace("\r\n", "\n").replace("\n\t", " ").replace("\n ", " ");
        assertThat(unfolded).startsWith("Received: ");
        return unfolded.substring(0, unfolded.indexOf('\n'));
    }
}
