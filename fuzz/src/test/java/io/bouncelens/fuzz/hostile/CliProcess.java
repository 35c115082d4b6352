package io.bouncelens.fuzz.hostile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code bouncelens} command in a child JVM with a small heap, as a user would, so that a
 * crash, a hang or a memory blow-up shows as what the user would see: a killed process, an exit
 * status, a stack trace on the terminal. Output goes to files: a report of 10,000 records is
 * larger than a pipe buffer.
 */
final class CliProcess {

    /** What a run left behind. {@code exitStatus} is -1 when the run was killed at the deadline. */
    record Outcome(int exitStatus, long millis, Path stdout, List<String> stderr) {
        boolean timedOut() {
            return exitStatus == -1;
        }
    }

    private final String heap;
    private final long timeoutSeconds;

    CliProcess(String heap, long timeoutSeconds) {
        this.heap = heap;
        this.timeoutSeconds = timeoutSeconds;
    }

    Outcome run(Path workDir, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), "io.bouncelens.cli.Main"));
        command.addAll(List.of(args));
        Path out = workDir.resolve(name + ".stdout");
        Path err = workDir.resolve(name + ".stderr");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status;
        if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            status = process.exitValue();
        } else {
            process.destroyForcibly().waitFor();
            status = -1;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(status, millis, out, Files.readAllLines(err, StandardCharsets.ISO_8859_1));
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This test's own class path: it holds the cli and core classes (or jars) of this very build
     * and their dependencies, so the child runs exactly the code under test, never a stale jar.
     */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
