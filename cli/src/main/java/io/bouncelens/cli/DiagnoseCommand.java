package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.MessageParser;
import io.bouncelens.emit.DiagnosisWriter;
import io.bouncelens.emit.RunSummary;
import io.bouncelens.read.InputMessage;
import io.bouncelens.read.MessageSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens diagnose}: reads messages (files, directories, mailboxes, stdin) and writes one
 * record per reported recipient. The loop is read -> diagnose (a pure function of the message)
 * -> emit; diagnosing runs on {@code --threads} threads while output keeps input order.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Reads bounce messages and tells, per failed recipient, why it bounced and what to do.",
                "PATH is a message file, a directory (walked recursively, Maildir included), an mbox, or - for stdin;",
                "files and stdin may be gzip-compressed or zip archives of messages and mboxes."})
public final class DiagnoseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--all", description = "also show messages that are not bounces, with their kind")
    boolean all;

    @Option(names = "--threads", paramLabel = "N",
            description = "messages diagnosed in parallel (default: the number of cores); the output is the same as with 1")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "message files, directories, mailboxes, gzip files and zip archives of them; - for stdin")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        DiagnosisWriter.Format f = output.format(spec.commandLine());
        Lang language = output.lang(spec.commandLine());
        if (threads < 1) throw new CommandLine.ParameterException(spec.commandLine(),
                "--threads must be at least 1, not " + threads);
        Bouncelens bouncelens;
        try {
            bouncelens = Bouncelens.standard().withLimits(limitOptions.limits());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-... options: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        RunSummary summary = new RunSummary();
        try (DiagnosisWriter out = DiagnosisWriter.create(f, output.stdout(), language, all, bouncelens::providerName)) {
            // Reading and writing stay on this thread, in input order; diagnosing and rendering the
            // output (most of the writing's work) run on the workers.
            InputOrderPipeline<InputMessage, Diagnosed> pipeline = new InputOrderPipeline<>(threads, input -> {
                MessageDiagnosis d = bouncelens.diagnose(input, language);
                // a file that is no message may be what another command reads: say which (a log's
                // head can pass for header fields, "#Software: ...", so a problem with no bounce is
                // as much a reason to look as the lack of header fields)
                boolean noMessage = d.problems().contains(MessageParser.NO_HEADER_FIELDS)
                        || (d.kind() == MessageKind.NOT_BOUNCE && !d.problems().isEmpty());
                String hint = noMessage ? OtherInputs.hint(input.bytes()) : null;
                return new Diagnosed(d, out.render(d), hint);
            }, input -> input.bytes().length);
            // a live pipe's messages are answered as they come, not when it closes; a file given
            // as stdin ('< bounces.mbox') is read as one, without waiting to see whether more comes
            boolean live = !StandardInput.isRegularFile();
            InputStream stdin = live ? new WaitSignallingInput(System.in, pipeline::inputWaits) : System.in;
            try (MessageSource source = new MessageSource(paths, stdin, bouncelens.limits().maxMessageBytes(), live)) {
                pipeline.run(source, done -> {
                    out.write(done.diagnosis(), done.output());
                    summary.add(done.diagnosis());
                    String hint = done.hint();
                    for (String problem : done.diagnosis().problems()) {
                        err.println("bouncelens: " + where(done.diagnosis()) + ": " + problem + (hint != null ? "; " + hint : ""));
                        hint = null; // said once, after the first problem
                    }
                }, () -> {
                    out.flush();
                    err.flush();
                });
            }
        }
        err.println("bouncelens: " + summary.describe(language));
        err.flush();
        return summary.errors() > 0 ? 1 : 0;
    }

    /** A message's diagnosis and its output, made on a worker, with a hint for a file that is no message. */
    private record Diagnosed(MessageDiagnosis diagnosis, byte[] output, String hint) {
    }

    static String where(MessageDiagnosis d) {
        return d.message() > 1 ? d.file() + "#" + d.message() : d.file();
    }
}
