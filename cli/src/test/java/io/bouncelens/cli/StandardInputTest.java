package io.bouncelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a process's standard input is, seen from inside the process, as the diagnose command sees it. */
class StandardInputTest {

    /** Prints what {@link StandardInput} says of this process's standard input. */
    public static void main(String[] args) {
        System.out.print(StandardInput.isRegularFile());
    }

    @Test
    void aFileGivenAsStandardInputIsTakenForOneAndAPipeIsNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bounces.mbox");
        Files.writeString(file, "From a\n\nbody\n");
        assertThat(probe(new ProcessBuilder(command()).redirectInput(file.toFile()))).isEqualTo("true");
        assertThat(probe(new ProcessBuilder(command()).redirectInput(ProcessBuilder.Redirect.PIPE))).isEqualTo("false");
    }

    private static List<String> command() {
        return List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandardInputTest.class.getName());
    }

    private static String probe(ProcessBuilder builder) throws IOException, InterruptedException {
        Process p = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
