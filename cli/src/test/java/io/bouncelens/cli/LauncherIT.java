package io.bouncelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./bouncelens} launcher script, run as a user runs it, on a copy of the built jar laid
 * out as in a checkout (so the test never rebuilds the real one): its class-data archive is made,
 * remade when a library changes, and a broken archive costs a warning on stderr, never a line in
 * the records on stdout.
 */
class LauncherIT {

    @TempDir
    Path checkout;
    Path target;
    byte[] bounce;

    @BeforeEach
    void layOutACheckout() throws IOException {
        Path built = Path.of(System.getProperty("bouncelens.jar", "target/bouncelens.jar")).toAbsolutePath();
        target = Files.createDirectories(checkout.resolve("cli/target"));
        Files.copy(Path.of("../bouncelens"), checkout.resolve("bouncelens"));
        checkout.resolve("bouncelens").toFile().setExecutable(true);
        Files.copy(built, target.resolve("bouncelens.jar"));
        Files.createDirectories(target.resolve("lib"));
        try (var libs = Files.list(built.resolveSibling("lib"))) {
            for (Path lib : (Iterable<Path>) libs::iterator) {
                Files.copy(lib, target.resolve("lib").resolve(lib.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        // built by this Maven run: the launcher has nothing to build
        Files.writeString(target.resolve("bouncelens.built"), "");
        try (InputStream in = LauncherIT.class.getResourceAsStream("dsn-userunknown.eml")) {
            bounce = in.readAllBytes();
        }
    }

    @Test
    void theFirstRunMakesTheArchiveAndALaterLibraryMakesItAgain() throws Exception {
        Path archive = target.resolve("bouncelens.jsa");
        assertOnlyRecordsOnStdout(diagnose());
        assertThat(archive).exists();
        FileTime made = Files.getLastModifiedTime(archive);

        Path core = firstCoreLibrary();
        Files.setLastModifiedTime(core, FileTime.fromMillis(made.toMillis() + 5_000));
        assertOnlyRecordsOnStdout(diagnose());
        assertThat(Files.getLastModifiedTime(archive)).as("archive remade after a library changed").isGreaterThan(made);
    }

    @Test
    void anArchiveTheJvmRefusesIsSaidOnStderrAndTheRecordsStayClean() throws Exception {
        assertOnlyRecordsOnStdout(diagnose());
        // a library changed without a newer time stamp (copied back, a clock set back): the JVM
        // refuses the archive and warns, which it writes to stdout unless told otherwise
        Path core = firstCoreLibrary();
        FileTime time = Files.getLastModifiedTime(core);
        Files.write(core, new byte[]{0}, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(core, time);

        Result r = diagnose();

        assertOnlyRecordsOnStdout(r);
        assertThat(r.stderr).contains("warning").contains("bouncelens: 1 message read, 1 bounce,");
    }

    private Path firstCoreLibrary() throws IOException {
        try (var libs = Files.list(target.resolve("lib"))) {
            return libs.filter(p -> p.getFileName().toString().startsWith("bouncelens-core")).findFirst().orElseThrow();
        }
    }

    private static void assertOnlyRecordsOnStdout(Result r) throws IOException {
        List<String> lines = r.stdout.lines().toList();
        assertThat(lines).as("stdout (stderr: %s)", r.stderr).hasSize(1);
        JsonNode record = new ObjectMapper().readTree(lines.get(0));
        assertThat(record.get("recipient").asText()).isEqualTo("gone.away@mail.example.org");
        assertThat(record.get("reason").asText()).isEqualTo("userunknown");
    }

    private Result diagnose() throws Exception {
        Process p = new ProcessBuilder(checkout.resolve("bouncelens").toString(), "diagnose", "--format", "jsonl", "-")
                .directory(checkout.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(bounce);
        }
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(String stdout, String stderr) {
    }
}
