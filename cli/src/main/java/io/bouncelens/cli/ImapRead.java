package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.emit.DiagnosisWriter;
import io.bouncelens.emit.RunSummary;
import io.bouncelens.read.InputMessage;
import io.bouncelens.server.imap.ImapConnection;
import io.bouncelens.server.imap.ImapMailbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/** {@link ImapCommand}'s work, in a class of its own so that the IMAP client loads only for it. */
final class ImapRead {

    /** UIDs fetched per command: the sizes and UIDs of a large folder are not held all at once. */
    private static final int BATCH = 500;

    private final ImapCommand options;
    private final CommandLine commandLine;

    ImapRead(ImapCommand options, CommandLine commandLine) {
        this.options = options;
        this.commandLine = commandLine;
    }

    int run() throws IOException {
        PrintWriter err = commandLine.getErr();
        DiagnosisWriter.Format format = options.output.format(commandLine);
        Lang lang = options.output.lang(commandLine);
        ImapMailbox mailbox;
        try {
            if (options.maxMessageBytes < 1024) throw new IllegalArgumentException("--max-message-size must be at least 1024");
            mailbox = ImapLogins.mailbox(options.url, options.login, Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            err.println("bouncelens imap: " + e.getMessage().replace("--imap: ", ""));
            return 2;
        }
        String name = mailbox.toString();
        Bouncelens bouncelens = Bouncelens.standard();
        RunSummary summary = new RunSummary();
        try (DiagnosisWriter out = DiagnosisWriter.create(format, options.output.stdout(), lang, options.all, bouncelens::providerName);
             ImapConnection imap = ImapConnection.open(mailbox)) {
            long last = options.since == null ? 0 : imap.lastUidBefore(options.since);
            Message[] batch;
            do {
                batch = imap.after(last, BATCH);
                for (Message m : batch) {
                    last = imap.uid(m);
                    ImapConnection.Raw raw = imap.raw(m, options.maxMessageBytes);
                    // the record's message number is the UID: it names the message in the folder for good
                    MessageDiagnosis d = bouncelens.diagnose(new InputMessage(name, (int) Math.min(last, Integer.MAX_VALUE),
                            raw.bytes(), raw.truncated(), null), lang);
                    out.write(d);
                    summary.add(d);
                    for (String problem : d.problems()) err.println("bouncelens: " + name + " UID " + last + ": " + problem);
                }
            } while (batch.length == BATCH);
        } catch (MessagingException | IOException e) {
            err.println("bouncelens imap: " + name + ": " + ImapConnection.describe(e, mailbox));
            err.println("bouncelens: " + summary.describe(lang));
            return 1;
        }
        err.println("bouncelens: " + summary.describe(lang));
        return summary.errors() > 0 ? 1 : 0;
    }
}
