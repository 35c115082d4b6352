package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.decode.LineDecoder;
import io.bouncelens.eval.Label;
import io.bouncelens.eval.LabelFile;
import io.bouncelens.eval.ReplyCase;
import io.bouncelens.eval.ReplyCaseFile;
import io.bouncelens.eval.Scorecard;
import io.bouncelens.read.MessageSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens eval LABELS.tsv PATH...}: diagnoses the messages and prints how well the
 * records agree with the labels (reason accuracy last), so users can measure bouncelens on their
 * own bounces. Same TSV columns and the same matching as the shared corpus scorer.
 * {@code bouncelens eval --cases CASES.tsv} does the same for labeled reply lines, as the shared
 * scorer's {@code cases} does.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures accuracy on labeled bounces, or with --cases on labeled reply lines.",
                "LABELS.tsv has a header line with at least file, recipient and reason (also index, status, hardbounce);",
                "a label's file is matched as a suffix of the diagnosed paths.",
                "CASES.tsv has a header line with probe and reasons (a|b: any is right), also id, bounce (hard, soft, either) "
                        + "and fix_en (a pattern the fix or explanation must match)."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--negatives", paramLabel = "NEG.tsv", description = "TSV with a file column: messages that are no bounce")
    Path negatives;

    @Option(names = "--min-accuracy", paramLabel = "PCT", description = "exit 1 when reason accuracy (or with --cases, the share of cases right) is below PCT")
    Double minAccuracy;

    @Option(names = "--cases", paramLabel = "CASES.tsv", description = "labeled reply lines to explain and score, instead of messages")
    Path casesFile;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LABELS.tsv")
    Path labelsFile;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH", description = "the labeled messages: files, directories, mailboxes")
    List<String> paths;

    @Override
    public Integer call() {
        if (casesFile != null) {
            if (labelsFile != null) throw new CommandLine.ParameterException(spec.commandLine(),
                    "--cases scores reply lines; it takes no LABELS.tsv or PATH");
            return scoreCases();
        }
        if (labelsFile == null || paths == null || paths.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(),
                "give LABELS.tsv and the labeled messages (PATH...), or --cases CASES.tsv");
        PrintWriter err = spec.commandLine().getErr();
        List<Label> labels;
        List<String> negativePaths = List.of();
        try {
            labels = LabelFile.read(text(labelsFile));
            if (negatives != null) negativePaths = LabelFile.readPaths(text(negatives));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read labels: " + e.getMessage());
        }
        if (labels.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "no labels in " + labelsFile);
        Bouncelens bouncelens = Bouncelens.standard();
        Scorecard card = new Scorecard();
        int errors = 0;
        try (MessageSource source = new MessageSource(paths, System.in, bouncelens.limits().maxMessageBytes())) {
            while (source.hasNext()) {
                MessageDiagnosis d = bouncelens.diagnose(source.next(), Lang.EN);
                card.add(d.records());
                if (d.records().isEmpty() && !d.problems().isEmpty()) {
                    errors++;
                    err.println("bouncelens: " + DiagnoseCommand.where(d) + ": " + d.problems().get(0));
                }
            }
        }
        Scorecard.Result result = card.score(labels, negativePaths);
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.describe());
        out.flush();
        if (minAccuracy != null && result.reasonAccuracy() < minAccuracy) return 1;
        if (errors > 0) err.println("bouncelens: " + errors + " messages could not be read (they count as misses)");
        err.flush();
        return 0;
    }

    /**
     * A TSV file's text in the charset it is in: UTF-8, or GBK as a spreadsheet on a Chinese Windows
     * saves it ({@link LineDecoder}), where the probes are Chinese replies.
     */
    private static java.io.Reader text(Path file) throws IOException {
        return new java.io.StringReader(LineDecoder.text(Files.readAllBytes(file)));
    }

    /** Explains each case's probe in English and prints the cases it gets wrong, then the share right. */
    private int scoreCases() {
        List<ReplyCase> cases;
        try {
            cases = ReplyCaseFile.read(text(casesFile));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read cases: " + e.getMessage());
        }
        if (cases.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "no cases in " + casesFile);
        Bouncelens bouncelens = Bouncelens.standard();
        PrintWriter out = spec.commandLine().getOut();
        int right = 0;
        for (ReplyCase c : cases) {
            List<String> problems = c.problems(bouncelens.explainReply(c.probe(), Lang.EN));
            if (problems.isEmpty()) {
                right++;
            } else {
                String probe = c.probe().length() > 70 ? c.probe().substring(0, 70) + "..." : c.probe();
                out.println("  " + c.id() + ": " + probe + ": " + String.join("; ", problems));
            }
        }
        double accuracy = 100.0 * right / cases.size();
        out.printf(java.util.Locale.ROOT, "cases right: %d/%d (%.1f%%)%n", right, cases.size(), accuracy);
        out.flush();
        return minAccuracy != null && accuracy < minAccuracy ? 1 : 0;
    }
}
