package io.bouncelens.fuzz.hostile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's list of hostile messages, each given to {@code bouncelens diagnose} in a child JVM
 * with a 128 MB heap: it must end within 30 s with status 0 or 1, say each problem in one
 * {@code bouncelens:} line (then the run summary), never show a stack trace, and still report
 * what it could read.
 */
class CliHostileInputTest {

    private static final CliProcess CLI = new CliProcess("128m", 30);

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        for (HostileInput input : HostileInput.values()) input.writeInto(dir);
    }

    @ParameterizedTest
    @EnumSource(HostileInput.class)
    void endsInTimeWithAOneLineErrorAtMost(HostileInput input) throws Exception {
        Path file = dir.resolve(input.name().toLowerCase(java.util.Locale.ROOT) + ".eml");
        CliProcess.Outcome outcome = CLI.run(dir, input.name(), "diagnose", "--format", "jsonl", file.toString());

        assertThat(outcome.timedOut()).as("still running after 30 s").isFalse();
        assertThat(outcome.exitStatus()).as("exit status; stderr: %s", outcome.stderr()).isIn(0, 1);
        assertThat(outcome.stderr()).as("stderr").isNotEmpty().hasSizeLessThanOrEqualTo(6)
                .noneMatch(line -> line.contains("Exception") || line.contains("Error") || line.startsWith("\tat "))
                .filteredOn(line -> line.contains(file.toString()))
                .allMatch(line -> line.startsWith("bouncelens: " + file + ": "));
        long records;
        try (Stream<String> lines = Files.lines(outcome.stdout())) {
            records = lines.filter(line -> line.startsWith("{")).count();
        }
        switch (input) {
            case DSN_WITH_10000_RECIPIENTS -> assertThat(records).isEqualTo(HostileInput.RECIPIENTS_IN_BIG_REPORT);
            case DSN_WITH_40MB_BASE64_ATTACHMENT, HEADER_LINE_20MB, NUL_AND_INVALID_CHARSETS,
                 REPLY_RUN_THEN_50000_STATUS_CODES, TRUNCATED_REPORT -> assertThat(records).isEqualTo(1);
            case EMPTY -> assertThat(records).isZero();
            default -> { }
        }
    }

    @Test
    void limitFlagsLowerTheBoundsAndTheCutIsSaidInOneLine() throws Exception {
        Path file = dir.resolve("dsn_with_10000_recipients.eml");
        CliProcess.Outcome outcome = CLI.run(dir, "max-recipients", "diagnose", "--format", "jsonl",
                "--max-recipients", "100", file.toString());

        assertThat(outcome.exitStatus()).isEqualTo(1);
        try (Stream<String> lines = Files.lines(outcome.stdout())) {
            assertThat(lines.filter(line -> line.startsWith("{")).count()).isEqualTo(100);
        }
        assertThat(outcome.stderr()).anyMatch(line -> line.startsWith("bouncelens: " + file + ": ")
                && line.contains("more than 100 recipients"));
    }

    @Test
    void aLimitThatIsNotPositiveIsAUsageError() throws Exception {
        CliProcess.Outcome outcome = CLI.run(dir, "bad-limit", "diagnose", "--max-mime-depth", "0",
                dir.resolve("empty.eml").toString());

        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr()).hasSize(1).allMatch(line -> line.startsWith("bouncelens: "));
    }

    @Test
    void theHostileMessagesInsideAMailboxCostOnlyThemselves() throws Exception {
        Path mbox = dir.resolve("mixed.mbox");
        int good = 0;
        try (HostileInput.Sink out = new HostileInput.Sink(new java.io.BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16))) {
            for (HostileInput hostile : HostileInput.values()) {
                for (int i = 0; i < 50; i++, good++) {
                    out.line("From MAILER-DAEMON Sat Nov 28 09:00:00 2026");
                    out.ascii(HostileInput.smallReport("good" + good + "@example.org"));
                    out.line("");
                }
                out.line("From MAILER-DAEMON Sat Nov 28 09:00:00 2026");
                hostile.writeTo(out);
                out.line("");
                out.line("");
            }
        }
        // all nine in one 70 MB mailbox: each within its 30 s, so the whole within 90 s
        CliProcess.Outcome outcome = new CliProcess("128m", 90).run(dir, "mixed-mbox", "diagnose", "--format", "jsonl",
                mbox.toString());

        assertThat(outcome.timedOut()).as("still running after 90 s").isFalse();
        assertThat(outcome.exitStatus()).as("stderr: %s", outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stderr()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
        List<String> records;
        try (Stream<String> lines = Files.lines(outcome.stdout())) {
            records = lines.filter(line -> line.contains("\"recipient\":\"good")).toList();
        }
        assertThat(records).as("every ordinary report around the hostile ones").hasSize(good);
    }

    @Test
    void aGzipBombInAMailboxCostsTimeNotMemory() throws Exception {
        Path bomb = dir.resolve("bomb.mbox.gz");
        try (HostileInput.Sink out = new HostileInput.Sink(new java.util.zip.GZIPOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(bomb), 1 << 16), 1 << 16))) {
            out.line("From MAILER-DAEMON Sat Nov 28 09:00:00 2026");
            out.ascii(HostileInput.smallReport("before@example.org"));
            out.line("");
            // 512 MB of zeros, half a megabyte once compressed, without a line end: one message
            out.line("From MAILER-DAEMON Sat Nov 28 09:00:00 2026");
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) out.bytes(zeros);
            out.line("");
            out.line("");
            out.line("From MAILER-DAEMON Sat Nov 28 09:00:00 2026");
            out.ascii(HostileInput.smallReport("after@example.org"));
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        CliProcess.Outcome outcome = CLI.run(dir, "gzip-bomb", "diagnose", "--format", "jsonl", bomb.toString());

        assertThat(outcome.timedOut()).as("still running after 30 s").isFalse();
        assertThat(outcome.exitStatus()).as("stderr: %s", outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stderr()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "))
                .anyMatch(line -> line.startsWith("bouncelens: " + bomb + "#2: "));
        assertRecordsOfTheReportsBeforeAndAfterOnly(outcome);
    }

    @Test
    void aZipBombEntryCostsTimeNotMemory() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(bomb), 1 << 16))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("before.eml"));
            zip.write(HostileInput.smallReport("before@example.org").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // 512 MB of zeros, half a megabyte once compressed: one message, far over the size limit
            zip.putNextEntry(new java.util.zip.ZipEntry("zeros.eml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) zip.write(zeros);
            zip.putNextEntry(new java.util.zip.ZipEntry("after.eml"));
            zip.write(HostileInput.smallReport("after@example.org").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        CliProcess.Outcome outcome = CLI.run(dir, "zip-bomb", "diagnose", "--format", "jsonl", bomb.toString());

        assertEndsCleanlyWithTheRecordsOfTheReportsBeforeAndAfter(outcome);
    }

    @Test
    void aTarGzBombEntryCostsTimeNotMemory() throws Exception {
        Path bomb = dir.resolve("bomb.tgz");
        byte[] before = HostileInput.smallReport("before@example.org").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] after = HostileInput.smallReport("after@example.org").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long zerosSize = 512L << 20;
        try (java.io.OutputStream tar = new java.util.zip.GZIPOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(bomb), 1 << 16), 1 << 16)) {
            tarEntry(tar, "before.eml", before.length);
            tar.write(before);
            tar.write(new byte[(512 - before.length % 512) % 512]);
            // 512 MB of zeros, half a megabyte once compressed: one message, far over the size limit
            tarEntry(tar, "zeros.eml", zerosSize);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) tar.write(zeros);
            tarEntry(tar, "after.eml", after.length);
            tar.write(after);
            tar.write(new byte[(512 - after.length % 512) % 512 + 1024]);
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        CliProcess.Outcome outcome = CLI.run(dir, "tar-bomb", "diagnose", "--format", "jsonl", bomb.toString());

        assertEndsCleanlyWithTheRecordsOfTheReportsBeforeAndAfter(outcome);
    }

    /** A ustar header for a regular file of {@code size} bytes (POSIX.1: octal fields, the checksum over the block). */
    private static void tarEntry(java.io.OutputStream out, String name, long size) throws java.io.IOException {
        byte[] h = new byte[512];
        String[][] fields = {{"0", name}, {"100", "0000644"}, {"108", "0000000"}, {"116", "0000000"},
                {"124", String.format("%011o", size)}, {"136", "14712345670"}, {"148", "        "}, {"156", "0"},
                {"257", "ustar"}, {"263", "00"}};
        for (String[] f : fields) {
            byte[] b = f[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, h, Integer.parseInt(f[0]), b.length);
        }
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, h, 148, 8);
        out.write(h);
    }

    /** Ended in time with no stack trace, and only the small reports around the bomb gave records. */
    private static void assertEndsCleanlyWithTheRecordsOfTheReportsBeforeAndAfter(CliProcess.Outcome outcome)
            throws java.io.IOException {
        assertThat(outcome.timedOut()).as("still running after 30 s").isFalse();
        assertThat(outcome.exitStatus()).as("stderr: %s", outcome.stderr()).isIn(0, 1);
        assertThat(outcome.stderr()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
        assertRecordsOfTheReportsBeforeAndAfterOnly(outcome);
    }

    private static void assertRecordsOfTheReportsBeforeAndAfterOnly(CliProcess.Outcome outcome) throws java.io.IOException {
        try (Stream<String> lines = Files.lines(outcome.stdout())) {
            assertThat(lines.filter(line -> line.startsWith("{")).map(line -> line.contains("\"recipient\":\"before@")
                    ? "before" : line.contains("\"recipient\":\"after@") ? "after" : "other"))
                    .containsExactly("before", "after");
        }
    }
}
