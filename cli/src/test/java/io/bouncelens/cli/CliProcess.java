package io.bouncelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bouncelens} run as its own process on the test class path, as a user runs it. */
final class CliProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the process said, decoded as UTF-8, and how it exited. */
    record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.lines().toList()) if (!line.isEmpty()) nodes.add(JSON.readTree(line));
            return nodes;
        }
    }

    private CliProcess() {
    }

    /**
     * Starts {@code bouncelens args...} with its standard input and output as pipes the test
     * writes and reads while it runs (a live pipe); what it says on standard error is dropped.
     */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Runs {@code bouncelens args...} with {@code stdin} (null: an empty input) and waits for it, a minute at most. */
    static Run run(Path stdin, String... args) throws IOException, InterruptedException {
        return run(Map.of(), stdin, args);
    }

    /**
     * {@link #run(Path, String...)} with environment variables changed: each of {@code env} set,
     * or removed where its value is empty.
     */
    static Run run(Map<String, String> env, Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
        env.forEach((name, value) -> {
            if (value.isEmpty()) builder.environment().remove(name);
            else builder.environment().put(name, value);
        });
        Process p = builder.start();
        byte[][] err = new byte[1][];
        Thread drain = new Thread(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = new byte[0];
            }
        });
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        drain.join();
        return new Run(p.exitValue(), out, new String(err[0], StandardCharsets.UTF_8));
    }
}
