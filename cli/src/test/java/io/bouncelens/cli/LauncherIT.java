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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./bouncelens} launcher script, run as a user runs it, on a copy of the built jar laid
 * out as in a checkout (so the test never rebuilds the real one): its class-data archive is made,
 * holds the command-line library too, and is remade when a library changes, even to an older time
 * stamp, which the JVM would otherwise answer by sharing nothing, silently.
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
    void theArchiveHoldsTheCommandLineLibraryAndTheTrainingLeavesNothingBehind() throws Exception {
        assertOnlyRecordsOnStdout(diagnose());
        try (var files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("what the launcher left in cli/target")
                    .containsExactlyInAnyOrder("bouncelens.jar", "bouncelens.jsa", "bouncelens.jsa.made-from", "bouncelens.built", "lib");
        }

        // picocli's classes are Java 5 bytecode, which an archive made at a run's exit leaves out;
        // reading them from the jar each time cost about a tenth of a second of every start
        Path log = checkout.resolve("classes.log");
        assertOnlyRecordsOnStdout(diagnose(Map.of("BOUNCELENS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log)));
        assertThat(Files.readString(log)).contains("picocli.CommandLine source: shared objects file");
    }

    @Test
    void aJvmThatCannotMakeTheArchiveIsNotAskedAgainAtEveryRun() throws Exception {
        // a java on the PATH that runs everything but the archive's dump, and notes each call
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        Path calls = checkout.resolve("java-calls.log");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "case \" $* \" in *' -Xshare:dump '*) exit 1 ;; esac\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        java.toFile().setExecutable(true);
        Map<String, String> path = Map.of("PATH", bin + ":" + System.getenv("PATH"));

        assertOnlyRecordsOnStdout(diagnose(path));
        Result second = diagnose(path);

        assertOnlyRecordsOnStdout(second);
        assertThat(second.stderr).isEqualTo("bouncelens: 1 message read, 1 bounce, 1 record, 0 errors\nby reason: userunknown 1\n");
        assertThat(Files.readAllLines(calls)).as("the dump was tried once, by the first run")
                .filteredOn(call -> call.contains("-Xshare:dump")).hasSize(1);
        assertThat(target.resolve("bouncelens.jsa")).doesNotExist();
        assertThat(Files.readString(target.resolve("bouncelens.jsa.made-from"))).startsWith("failed ");
    }

    @Test
    void aLibraryChangedWithoutANewerTimeStillGetsANewArchiveAndTheRecordsStayClean() throws Exception {
        Path archive = target.resolve("bouncelens.jsa");
        assertOnlyRecordsOnStdout(diagnose());
        FileTime made = Files.getLastModifiedTime(archive);
        // a library changed without a newer time stamp (copied back, a clock set back): the JVM
        // would refuse the archive, silently, and start without sharing any class
        Path core = firstCoreLibrary();
        FileTime time = Files.getLastModifiedTime(core);
        Files.write(core, new byte[]{0}, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(core, time);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(made.toMillis() - 5_000));

        Path log = checkout.resolve("classes.log");
        Result r = diagnose(Map.of("BOUNCELENS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log));

        assertOnlyRecordsOnStdout(r);
        assertThat(r.stderr).isEqualTo("bouncelens: 1 message read, 1 bounce, 1 record, 0 errors\nby reason: userunknown 1\n");
        assertThat(Files.getLastModifiedTime(archive)).as("archive remade").isGreaterThan(made);
        assertThat(Files.readString(log)).contains("picocli.CommandLine source: shared objects file");
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
        return diagnose(Map.of());
    }

    private Result diagnose(Map<String, String> environment) throws Exception {
        var builder = new ProcessBuilder(checkout.resolve("bouncelens").toString(), "diagnose", "--format", "jsonl", "-")
                .directory(checkout.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
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
