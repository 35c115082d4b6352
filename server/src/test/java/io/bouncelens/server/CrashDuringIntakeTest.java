package io.bouncelens.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 while bounces are arriving: every bounce that got its 250 must be there after a
 * restart, with its record and the suppression it caused.
 */
class CrashDuringIntakeTest {

    /** Data directories and files of this class's tests, removed after each. */
    @TempDir
    Path scratch;

    static final int SENDERS = 3;
    static final int KILL_AFTER_ACKS = 30;

    record Started(Process process, int httpPort, int smtpPort) {
    }

    @Test
    void killingTheServerLosesNoAcknowledgedBounce() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("crash"));
        Started first = launch(data);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        String template = new String(TestBounces.bytes(TestBounces.USER_UNKNOWN), StandardCharsets.UTF_8);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            int sender = t;
            Thread thread = new Thread(() -> {
                try (SmtpClient smtp = new SmtpClient(first.smtpPort())) {
                    for (int i = 0; i < 500 && !stop.get(); i++) {
                        String recipient = "gone.s" + sender + "n" + i + "@mail.example.org";
                        byte[] bounce = template.replace("gone.away@mail.example.org", recipient).getBytes(StandardCharsets.UTF_8);
                        if (smtp.send("", "bounces@sender.example", bounce).startsWith("250")) acknowledged.add(recipient);
                    }
                } catch (IOException expected) {
                    // the server died mid-conversation: whatever was not acknowledged may be lost
                }
            });
            thread.start();
            senders.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < KILL_AFTER_ACKS && System.nanoTime() < deadline) Thread.sleep(5);
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
        first.process().waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        for (Thread t : senders) t.join(10_000);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);

        Started second = launch(data);
        try {
            ApiClient api = new ApiClient(second.httpPort());
            assertThat(api.get("/healthz").status()).isEqualTo(200);
            for (String recipient : acknowledged) {
                ApiClient.Response entry = api.get("/api/v1/suppressions/" + recipient);
                assertThat(entry.status()).as("acknowledged bounce for " + recipient).isEqualTo(200);
                assertThat(api.get("/api/v1/bounces?recipient=" + recipient).json().get("results")).as(recipient).hasSize(1);
            }
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Started launch(Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A killed JVM never removes the SQLite driver's native library it unpacked; it goes under data's parent.
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + data.getParent(),
                "-cp", System.getProperty("java.class.path"), ServerProcess.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("server process did not start: " + line);
        }
        String[] parts = line.split(" ");
        return new Started(process, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
