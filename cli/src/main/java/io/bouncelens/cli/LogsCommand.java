package io.bouncelens.cli;

import io.bouncelens.decode.log.LogReader;
import io.bouncelens.emit.DiagnosisWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;

/**
 * {@code bouncelens logs}: the failed and deferred deliveries in mail servers' logs (Postfix,
 * Sendmail, Exim, qmail, OpenSMTPD, PowerMTA's accounting files, Exchange's message tracking logs), each diagnosed as a bounce's recipient
 * is, with the log's line number as the record's {@code message}. Other lines are skipped;
 * {@code --all} also shows delivered ones. Each log is read by its own {@link LogReader}, which
 * remembers what earlier lines said.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Reads mail server logs (Postfix, Sendmail, Exim, qmail, OpenSMTPD, PowerMTA accounting, Exchange message "
                + "tracking) and tells, "
                + "per failed or deferred delivery, why and what to do.",
                "Other lines are skipped; files may be gzip-compressed; - reads standard input."})
public final class LogsCommand extends RecordFilesCommand {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "log files (gzip-compressed or not); - for stdin")
    List<String> paths;

    @Override
    List<String> paths() {
        return paths;
    }

    @Override
    String unit() {
        return "lines";
    }

    @Override
    void read(String path, InputStream in, Run run) throws IOException {
        int[] number = {0};
        LogReader reader = new LogReader(); // what earlier lines of this log said of each message
        TextLines.read(in, line -> {
            number[0]++;
            run.tally().read();
            run.write(path, number[0], run.bouncelens().logRecords(reader.read(line), run.language(), path, number[0]));
        }, new FlushingWriter(run.out()), System.out::checkError);
    }

    /** Lets {@link TextLines#read} flush the records when the input pauses. */
    private static final class FlushingWriter extends Writer {
        private final DiagnosisWriter out;

        FlushingWriter(DiagnosisWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] c, int off, int len) {
            throw new UnsupportedOperationException("records go through the DiagnosisWriter");
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
        }
    }
}
