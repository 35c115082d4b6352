package io.bouncelens.cli;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.emit.DiagnosisWriter;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A command that reads text files other than mail (logs, JSON events), each line or event giving
 * records: the files opened (gzip or not, {@code -} for stdin), a file that cannot be read said in
 * one line while the others are read, and the counts on stderr at the end. Exit status 1 when
 * anything could not be read.
 */
abstract class RecordFilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--all", description = "also show the deliveries that succeeded")
    boolean all;

    /** What one file's reading writes to and counts in. */
    record Run(Bouncelens bouncelens, Lang language, DiagnosisWriter out, RecordTally tally, PrintWriter err, boolean all) {

        /** Counts one line's or event's records and writes them under its number; true when it wrote any. */
        boolean write(String path, int number, List<BounceRecord> records) throws IOException {
            return tally.write(out, path, number, records, all);
        }
    }

    /** The files the command was given, declared by each command with its own words. */
    abstract List<String> paths();

    /** What a file is read in, plural: "lines", "events" (the summary names its count so). */
    abstract String unit();

    /** Reads one opened file. */
    abstract void read(String path, InputStream in, Run run) throws IOException;

    @Override
    public final Integer call() throws IOException {
        DiagnosisWriter.Format f = output.format(spec.commandLine());
        Lang language = output.lang(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        RecordTally tally = new RecordTally(unit());
        Bouncelens bouncelens = Bouncelens.standard();
        try (DiagnosisWriter out = DiagnosisWriter.create(f, output.stdout(), language, false, bouncelens::providerName)) {
            Run run = new Run(bouncelens, language, out, tally, err, all);
            for (String path : paths()) {
                try (InputStream in = InputFiles.open(path)) {
                    read(path, in, run);
                } catch (IOException e) {
                    tally.error();
                    err.println("bouncelens: " + path + ": " + InputFiles.reason(e));
                }
            }
        }
        err.println("bouncelens: " + tally.describe(language));
        err.flush();
        return tally.errors() > 0 ? 1 : 0;
    }
}
