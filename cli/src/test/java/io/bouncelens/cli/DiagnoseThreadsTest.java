package io.bouncelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code diagnose --threads N} run as a real process, as users run it: same bytes out as one thread. */
class DiagnoseThreadsTest {

    private record Run(int exit, byte[] out, String err) {
    }

    private static Run diagnose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "diagnose"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[][] err = new byte[1][];
        Thread drain = new Thread(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        drain.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        drain.join();
        return new Run(p.exitValue(), out, new String(err[0], StandardCharsets.UTF_8));
    }

    /** An mbox of {@code n} delivery-status reports, the k-th for recipient user-k. */
    private static Path mboxOfReports(Path dir, int n) throws IOException {
        StringBuilder mbox = new StringBuilder();
        for (int k = 1; k <= n; k++) {
            String status = k % 3 == 0 ? "4.2.2" : "5.1.1";
            String text = k % 3 == 0 ? "452 4.2.2 Mailbox full" : "550 5.1.1 User unknown";
            mbox.append("From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n")
                    .append("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n")
                    .append("To: sender@example.com\nSubject: Undelivered Mail Returned to Sender\n")
                    .append("MIME-Version: 1.0\n")
                    .append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n")
                    .append("--b\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n")
                    .append("--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n")
                    .append("Final-Recipient: rfc822; user-").append(k).append("@example.net\n")
                    .append("Action: failed\nStatus: ").append(status).append('\n')
                    .append("Diagnostic-Code: smtp; ").append(text).append("\n\n--b--\n\n");
        }
        Path file = dir.resolve("reports.mbox");
        Files.writeString(file, mbox, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void manyThreadsWriteTheRecordsInMailboxOrder(@TempDir Path dir) throws Exception {
        Path mbox = mboxOfReports(dir, 3_000);
        Run one = diagnose("--format", "jsonl", "--threads", "1", mbox.toString());
        Run four = diagnose("--format", "jsonl", "--threads", "4", mbox.toString());
        assertThat(one.exit()).isZero();
        List<String> lines = new String(four.out(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3_000);
        for (int k = 1; k <= 3_000; k++) {
            assertThat(lines.get(k - 1)).contains("\"recipient\":\"user-" + k + "@example.net\"");
        }
        assertThat(four.out()).isEqualTo(one.out());
        assertThat(four.err()).isEqualTo(one.err());
    }

    @Test
    void theSharedCorpusGivesTheSameBytesOnTwoThreadsAsOnOne() throws Exception {
        Path emails = Paths.get(System.getProperty("bouncelens.shared", "../shared"), "corpus", "emails", "maildir");
        assumeTrue(Files.isDirectory(emails), "no shared corpus");
        for (String format : new String[] {"jsonl", "text"}) {
            Run one = diagnose("--format", format, "--threads", "1", emails.toString());
            Run two = diagnose("--format", format, "--threads", "2", emails.toString());
            assertThat(one.out().length).as(format).isGreaterThan(100_000);
            assertThat(two.out()).as(format).isEqualTo(one.out());
            assertThat(two.err()).as(format).isEqualTo(one.err());
            assertThat(two.exit()).isEqualTo(one.exit());
        }
    }

    @Test
    void zeroThreadsIsAOneLineUsageError() throws Exception {
        Run r = diagnose("--threads", "0", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--threads");
        assertThat(r.out()).isEmpty();
    }
}
