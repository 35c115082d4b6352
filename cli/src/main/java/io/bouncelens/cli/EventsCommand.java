package io.bouncelens.cli;

import io.bouncelens.decode.event.EventSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code bouncelens events}: the bounces, deferrals and complaints that sending services report as
 * JSON (Amazon SES notifications and events, the webhooks of SendGrid, Mailgun, Postmark,
 * SparkPost, Mandrill, Tencent Cloud SES, Mailjet, Brevo, Resend, SMTP2GO, SendCloud and Elastic
 * Email, Aliyun DirectMail's events through EventBridge), each diagnosed as a bounce's recipient is,
 * with the event's number in its file as the record's {@code message}. Other events (sends, opens, clicks) are skipped;
 * {@code --all} also shows deliveries.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Reads sending services' bounce events (Amazon SES, SendGrid, Mailgun, Postmark, SparkPost, "
                + "Mandrill, Tencent Cloud SES, Mailjet, Brevo, Resend, SMTP2GO, SendCloud, Elastic Email webhooks; "
                + "Aliyun DirectMail through EventBridge; Scaleway through its Topics and Events) and tells, per failed or deferred recipient and per complaint, why and what to do.",
                "A file holds one JSON event, an array of them, or one per line; files may be gzip-compressed; "
                        + "- reads standard input."})
public final class EventsCommand extends RecordFilesCommand {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files of JSON events (gzip-compressed or not); - for stdin")
    List<String> paths;

    @Override
    List<String> paths() {
        return paths;
    }

    @Override
    String unit() {
        return "events";
    }

    @Override
    void read(String path, InputStream in, Run run) throws IOException {
        try (EventSource events = new EventSource(in)) {
            while (events.hasNext()) {
                EventSource.Event e = events.next();
                if (e.problem() != null) {
                    run.tally().error();
                    run.err().println("bouncelens: " + path + "#" + e.number() + ": " + e.problem());
                    continue;
                }
                if (e.notice() != null) run.err().println("bouncelens: " + path + "#" + e.number() + ": " + e.notice());
                run.tally().read();
                boolean wrote = run.write(path, e.number(),
                        run.bouncelens().eventRecords(e.report(), run.language(), path, e.number()));
                if (wrote && path.equals("-")) run.out().flush(); // a pipe's reader sees each event's records as it comes
            }
        }
    }
}
