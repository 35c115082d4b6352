package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.eval.Label;
import io.bouncelens.eval.LabelFile;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens eval LABELS.tsv PATH...}: diagnoses the messages and prints how well the
 * records agree with the labels (reason accuracy last), so users can measure bouncelens on their
 * own bounces. Same TSV columns and the same matching as the shared corpus scorer.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures accuracy on labeled bounces.",
                "LABELS.tsv has a header line with at least file, recipient and reason (also index, status, hardbounce);",
                "a label's file is matched as a suffix of the diagnosed paths."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--negatives", paramLabel = "NEG.tsv", description = "TSV with a file column: messages that are no bounce")
    Path negatives;

    @Option(names = "--min-accuracy", paramLabel = "PCT", description = "exit 1 when reason accuracy is below PCT")
    Double minAccuracy;

    @Parameters(index = "0", paramLabel = "LABELS.tsv")
    Path labelsFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "the labeled messages: files, directories, mailboxes")
    List<String> paths;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Label> labels;
        List<String> negativePaths = List.of();
        try {
            labels = LabelFile.read(Files.newBufferedReader(labelsFile, StandardCharsets.UTF_8));
            if (negatives != null) negativePaths = LabelFile.readPaths(Files.newBufferedReader(negatives, StandardCharsets.UTF_8));
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
}
