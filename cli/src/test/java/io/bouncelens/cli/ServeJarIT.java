package io.bouncelens.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, started as {@code java -jar bouncelens.jar serve}: catches what the test
 * class path hides, such as a library missing from target/lib.
 */
class ServeJarIT {

    /** Data directories and files of this class\'s tests, removed after each. */
    @TempDir
    Path scratch;

    /** The server module's test-only certificate for localhost (see its README). */
    private static final Path TLS = Path.of("../server/src/test/resources/tls");

    @Test
    void thePackagedJarServesTakesABounceOverSmtpAndSuppressesItsRecipient() throws Exception {
        Path jar = Path.of(System.getProperty("bouncelens.jar", "target/bouncelens.jar"));
        Path data = Files.createDirectories(scratch.resolve("data"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--data", data.toString(),
                "--http-port", "0", "--smtp-port", "0",
                "--smtp-tls-cert", TLS.resolve("localhost-rsa.crt").toString(),
                "--smtp-tls-key", TLS.resolve("localhost-rsa.key").toString()).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
            int httpPort = -1;
            int smtpPort = -1;
            StringBuilder said = new StringBuilder();
            for (String line; (httpPort < 0 || smtpPort < 0) && (line = err.readLine()) != null; ) {
                said.append(line).append('\n');
                if (line.startsWith("bouncelens: web page and API on http://127.0.0.1:")) {
                    httpPort = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1, line.length() - 1));
                } else if (line.startsWith("bouncelens: SMTP bounce intake on 127.0.0.1:")) {
                    String rest = line.substring("bouncelens: SMTP bounce intake on 127.0.0.1:".length());
                    smtpPort = Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
                }
            }
            assertThat(httpPort).as("serve said: " + said).isPositive();
            assertThat(smtpPort).as("serve said: " + said).isPositive();
            assertThat(said.toString()).contains("STARTTLS with CN=bouncelens test localhost (RSA)");

            byte[] bounce;
            try (InputStream in = ServeJarIT.class.getResourceAsStream("dsn-userunknown.eml")) {
                bounce = in.readAllBytes();
            }
            assertThat(sendWithNullSender(smtpPort, bounce)).startsWith("250");

            HttpResponse<String> entry = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/api/v1/suppressions/gone.away@mail.example.org")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entry.statusCode()).as(entry.body()).isEqualTo(200);
            assertThat(entry.body()).contains("\"reason\":\"userunknown\"");

            // A sender that insists on TLS (and checks the name) delivers too.
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", "localhost");
            p.setProperty("mail.smtp.port", String.valueOf(smtpPort));
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.ssl.socketFactory", trusting(TLS.resolve("localhost-rsa.crt")));
            p.setProperty("mail.smtp.from", "mailer-daemon@mail.example.org");
            Session session = Session.getInstance(p);
            jakarta.mail.Transport.send(new MimeMessage(session, new java.io.ByteArrayInputStream(bounce)),
                    new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress("bounces@sender.example")});
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("bouncelens_smtp_messages_tls_total 1\n", "bouncelens_smtp_messages_total{outcome=\"accepted\"} 2\n");
        } finally {
            serve.destroy(); // SIGTERM: the shutdown hook closes the servers and the store
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void thePackagedJarReadsABounceFromAnImapMailbox() throws Exception {
        GreenMail imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        Path jar = Path.of(System.getProperty("bouncelens.jar", "target/bouncelens.jar"));
        Process serve = null;
        try {
            byte[] bounce;
            try (InputStream in = ServeJarIT.class.getResourceAsStream("dsn-userunknown.eml")) {
                bounce = in.readAllBytes();
            }
            imap.setUser("bounces@example.org", "bounces@example.org", "imap-pw").deliver(
                    new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(bounce)));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "serve", "--data", Files.createDirectories(scratch.resolve("data")).toString(),
                    "--http-port", "0", "--smtp-port", "0", "--imap-interval", "0.5",
                    "--imap", "imap://bounces%40example.org@127.0.0.1:" + imap.getImap().getPort() + "/INBOX");
            pb.environment().put("BOUNCELENS_IMAP_PASSWORD", "imap-pw");
            serve = pb.start();
            BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
            int httpPort = -1;
            StringBuilder said = new StringBuilder();
            for (String line; !said.toString().contains("IMAP bounce intake") && (line = err.readLine()) != null; ) {
                said.append(line).append('\n');
                if (line.startsWith("bouncelens: web page and API on http://127.0.0.1:")) {
                    httpPort = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1, line.length() - 1));
                }
            }
            assertThat(said.toString()).contains("bouncelens: IMAP bounce intake from imap://bounces@example.org@127.0.0.1:")
                    .doesNotContain("imap-pw");
            URI entry = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/suppressions/gone.away@mail.example.org");
            HttpResponse<String> answer = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < end; Thread.sleep(100)) {
                answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(entry).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) break;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"reason\":\"userunknown\"");
        } finally {
            if (serve != null) {
                serve.destroy();
                assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            imap.stop();
        }
    }

    /** A TLS client that trusts the one certificate in a PEM file. */
    private static javax.net.ssl.SSLSocketFactory trusting(Path certificate) throws Exception {
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("server", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory managers =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        managers.init(trusted);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    /** One SMTP transaction with MAIL FROM:<>; returns the reply to the end of DATA. */
    private static String sendWithNullSender(int port, byte[] message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in);
            for (String command : new String[]{"EHLO it.example", "MAIL FROM:<>", "RCPT TO:<bounces@sender.example>", "DATA"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                reply(in);
            }
            // The fixture has no line starting with a dot, so it needs no dot-stuffing.
            String text = new String(message, StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\n", "\r\n");
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.write(".\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply(in);
        }
    }

    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) throw new IOException("connection closed");
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }
}
