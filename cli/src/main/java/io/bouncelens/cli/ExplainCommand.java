package io.bouncelens.cli;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.emit.CsvRecordWriter;
import io.bouncelens.emit.JsonRecordWriter;
import io.bouncelens.emit.TextRecordWriter;
import io.bouncelens.read.MessageSource;
import io.bouncelens.read.MessageStart;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens explain}: why one SMTP reply or diagnostic text bounced. Arguments are joined into
 * one reply; {@code -} reads one reply per line from standard input and answers each, in order,
 * unless standard input starts like an email message: then it is diagnosed whole.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains one SMTP reply or bounce diagnostic: reason, hard or soft, who acts, the fix.",
                "With - reads one reply per line from standard input and answers every line, in order; "
                        + "an email message piped in whole is read as one, as diagnose does."})
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of explanation and fix: en, zh-CN or zh-TW, or a tag or locale of the same script "
                    + "(zh-Hant, zh-HK, zh-Hans, zh_CN.UTF-8, en-US) (" + EnvironmentLanguage.DEFAULT_DESCRIPTION + ").")
    String lang;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a readable block), json (one object), jsonl (one object per line) or csv "
                    + "(a header line, then one line per reply, the columns of diagnose's csv) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--bom", description = ByteOrderMark.OPTION_DESCRIPTION)
    boolean bom;

    @Parameters(paramLabel = "TEXT", arity = "1..*",
            description = "The reply text (several words are joined with spaces), or - for standard input.")
    List<String> text;

    /** Standard input; replaced by tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Lang language;
        try {
            language = EnvironmentLanguage.resolve(lang, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("bouncelens explain: " + e.getMessage());
            return 2;
        }
        if (!List.of("text", "json", "jsonl", "csv").contains(format)) {
            err.println("bouncelens explain: unknown --format '" + format + "' (use text, json, jsonl or csv)");
            return 2;
        }
        if (bom && !format.equals("csv")) {
            err.println("bouncelens explain: " + ByteOrderMark.ONLY_WITH_CSV);
            return 2;
        }
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        if (bom) out.write('\uFEFF');
        boolean fromStdin = text.size() == 1 && text.get(0).equals("-");
        Output output = switch (format) {
            // a reply given as an argument is on the screen already: its block does not quote it back;
            // read from stdin, the quote says which line (or which report's reply) a block answers
            case "text" -> new TextOutput(new TextRecordWriter(out, language, Bouncelens.standard()::providerName, fromStdin));
            case "csv" -> new CsvOutput(new CsvRecordWriter(out));
            default -> new JsonOutput(new JsonRecordWriter(out));
        };
        Bouncelens bouncelens = Bouncelens.standard();
        int status = 0;
        if (fromStdin) {
            byte[] head = new byte[PEEK_BYTES];
            int headLength = Math.max(0, stdin.read(head));
            // the bytes looked at, then the rest (SequenceInputStream, unlike a pushback stream, hands
            // out what it holds without waiting for more input)
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), stdin);
            if (MessageStart.looksLikeMessage(head, headLength)) {
                // a bounce piped in whole: its lines are no replies, the message is what to read
                err.println("bouncelens explain: standard input is an email message, not reply lines: read as a whole, "
                        + "as 'bouncelens diagnose -' does");
                status = diagnoseMessages(in, bouncelens, language, output, err);
            } else {
                PrintWriter stdout = spec.commandLine().getOut();
                // A reader that went away (| head) ends the run instead of answering the rest unseen.
                LogLineNotice notice = new LogLineNotice(err);
                // each pause of the input flushes the format's own buffer too (JSON, CSV), not only the text
                TextLines.read(in, line -> {
                    notice.look(line);
                    output.write(bouncelens.explainReply(line, language));
                }, () -> {
                    output.flush();
                    out.flush();
                }, () -> stdout.checkError() || System.out.checkError());
            }
        } else {
            String reply = String.join(" ", text);
            if (text.size() == 1 && looksLikeAFile(reply)) {
                err.println("bouncelens explain: '" + reply + "' is a file; its name was explained as a reply. "
                        + "To read the file: bouncelens diagnose '" + reply + "' (or explain - < it)");
            }
            output.write(bouncelens.explainReply(reply, language));
        }
        output.flush();
        out.flush();
        return status;
    }

    /**
     * Bytes looked at to tell a message from reply lines: what the first read brings, at most this
     * (a pipe gives a whole buffer, a person typing the first line), so replies typed or streamed
     * one by one are never held back waiting for more.
     */
    private static final int PEEK_BYTES = 8192;

    /** Diagnoses the message (or mbox) on standard input; 1 when a part of it could not be read. */
    private static int diagnoseMessages(InputStream in, Bouncelens bouncelens, Lang language, Output output,
                                        PrintWriter err) throws IOException {
        int status = 0;
        try (MessageSource source = new MessageSource(List.of("-"), in, bouncelens.limits().maxMessageBytes())) {
            while (source.hasNext()) {
                MessageDiagnosis d = bouncelens.diagnose(source.next(), language);
                for (String problem : d.problems()) err.println("bouncelens explain: message " + d.message() + ": " + problem);
                if (!d.problems().isEmpty()) status = 1;
                if (d.records().isEmpty() && !d.unread()) {
                    err.println("bouncelens explain: message " + d.message() + " is no bounce (" + d.kind().label()
                            + "): nothing to explain");
                }
                for (BounceRecord r : d.records()) output.write(r);
            }
        }
        return status;
    }

    private static boolean looksLikeAFile(String argument) {
        if (argument.length() > 4096 || argument.indexOf('\0') >= 0) return false;
        try {
            return Files.isRegularFile(Path.of(argument));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Says once, on stderr, when the lines read are a mail server's log: each is still explained
     * as a reply, but {@code bouncelens logs} also gives its recipient, queue ID and time. Only
     * the first lines are looked at, so a long input costs nothing more.
     */
    private static final class LogLineNotice {
        private static final int LOOKED_AT = 200;
        private final PrintWriter err;
        private final io.bouncelens.decode.log.LogReader reader = new io.bouncelens.decode.log.LogReader();
        private int lines;
        private boolean done;

        LogLineNotice(PrintWriter err) {
            this.err = err;
        }

        void look(String line) {
            if (done) return;
            lines++;
            if (reader.read(line) != null) {
                err.println("bouncelens explain: line " + lines + " is a mail server's log line: each line is explained "
                        + "as a reply; 'bouncelens logs' also gives the recipient, queue ID and time");
                err.flush();
                done = true;
            } else if (lines >= LOOKED_AT) {
                done = true;
            }
        }
    }

    private interface Output {
        void write(BounceRecord r) throws IOException;

        void flush() throws IOException;
    }

    private record TextOutput(TextRecordWriter writer) implements Output {
        public void write(BounceRecord r) throws IOException {
            writer.write(r);
        }

        public void flush() {
        }
    }

    private record CsvOutput(CsvRecordWriter writer) implements Output {
        public void write(BounceRecord r) throws IOException {
            writer.write(r);
        }

        public void flush() {
        }
    }

    private record JsonOutput(JsonRecordWriter writer) implements Output {
        public void write(BounceRecord r) throws IOException {
            writer.write(r);
        }

        public void flush() throws IOException {
            writer.flush();
        }
    }

    /** Standard output as UTF-8 for picocli's writer. */
    static PrintWriter utf8(java.io.OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
