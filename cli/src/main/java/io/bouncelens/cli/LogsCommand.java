package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.log.LogReader;
import io.bouncelens.emit.DiagnosisWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens logs}: the failed and deferred deliveries in mail servers' logs (Postfix,
 * Sendmail, Exim, qmail, PowerMTA's accounting files), each diagnosed as a bounce's recipient
 * is, with the log's line number as the record's {@code message}. Other lines are skipped;
 * {@code --all} also shows delivered ones. Each log is read by its own {@link LogReader}, which
 * remembers what earlier lines said.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Reads mail server logs (Postfix, Sendmail, Exim, qmail, PowerMTA accounting) and tells, "
                + "per failed or deferred delivery, why and what to do.",
                "Other lines are skipped; files may be gzip-compressed; - reads standard input."})
public final class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--all", description = "also show the deliveries that succeeded")
    boolean all;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "log files (gzip-compressed or not); - for stdin")
    List<String> paths;

    @Override
    public Integer call() throws IOException {
        DiagnosisWriter.Format f = output.format(spec.commandLine());
        Lang language = output.lang(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        Bouncelens bouncelens = Bouncelens.standard();
        RecordTally tally = new RecordTally("line");
        try (DiagnosisWriter out = DiagnosisWriter.create(f, System.out, language, false)) {
            Writer flushing = new FlushingWriter(out);
            for (String path : paths) {
                try (InputStream in = InputFiles.open(path)) {
                    int[] number = {0};
                    LogReader reader = new LogReader(); // what earlier lines of this log said of each message
                    ExplainCommand.readLines(in, line -> {
                        number[0]++;
                        tally.read();
                        tally.write(out, path, number[0], bouncelens.logRecords(reader.read(line), language, path, number[0]), all);
                    }, flushing, System.out::checkError);
                } catch (IOException e) {
                    tally.error();
                    err.println("bouncelens: " + path + ": " + InputFiles.reason(e));
                }
            }
        }
        err.println("bouncelens: " + tally.describe());
        err.flush();
        return tally.errors() > 0 ? 1 : 0;
    }

    /** Lets {@link ExplainCommand#readLines} flush the records when the input pauses. */
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
