package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.event.EventSource;
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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens events}: the bounces, deferrals and complaints that sending services report as
 * JSON (Amazon SES notifications and events, the webhooks of SendGrid, Mailgun, Postmark,
 * SparkPost and Mandrill),
 * each diagnosed as a bounce's recipient is, with the event's number in its file as the record's
 * {@code message}. Other events (sends, opens, clicks) are skipped; {@code --all} also shows
 * deliveries.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Reads sending services' bounce events (Amazon SES, SendGrid, Mailgun, Postmark, SparkPost, "
                + "Mandrill webhooks) and tells, per failed or deferred recipient and per complaint, why and what to do.",
                "A file holds one JSON event, an array of them, or one per line; files may be gzip-compressed; "
                        + "- reads standard input."})
public final class EventsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--all", description = "also show the deliveries that succeeded")
    boolean all;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files of JSON events (gzip-compressed or not); - for stdin")
    List<String> paths;

    @Override
    public Integer call() throws IOException {
        DiagnosisWriter.Format f = output.format(spec.commandLine());
        Lang language = output.lang(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        Bouncelens bouncelens = Bouncelens.standard();
        RecordTally tally = new RecordTally("event");
        try (DiagnosisWriter out = DiagnosisWriter.create(f, System.out, language, false)) {
            for (String path : paths) {
                try (InputStream in = InputFiles.open(path); EventSource events = new EventSource(in)) {
                    while (events.hasNext()) {
                        EventSource.Event e = events.next();
                        if (e.problem() != null) {
                            tally.error();
                            err.println("bouncelens: " + path + "#" + e.number() + ": " + e.problem());
                            continue;
                        }
                        if (e.notice() != null) err.println("bouncelens: " + path + "#" + e.number() + ": " + e.notice());
                        tally.read();
                        boolean wrote = tally.write(out, path, e.number(),
                                bouncelens.eventRecords(e.report(), language, path, e.number()), all);
                        if (wrote && path.equals("-")) out.flush(); // a pipe's reader sees each event's records as it comes
                    }
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
}
