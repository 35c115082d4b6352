package io.bouncelens.cli;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.ReplyReference;
import io.bouncelens.emit.CsvRecordWriter;
import io.bouncelens.emit.DiagnosisWriter;
import io.bouncelens.emit.JsonRecordWriter;
import io.bouncelens.emit.TextRecordWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens codes [SECTION]}: the bounce replies bouncelens knows, as a provider's help
 * page lists its codes ({@link ReplyReference}): without a section, the sections; with one (a
 * provider such as {@code netease}, or {@code chinese}, {@code userunknown}, {@code rfc3463}),
 * each of its replies with what diagnosing it gives, in any output format.
 */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = {"Lists the bounce replies bouncelens knows and what each means: by provider, then by language, "
                + "reason and status code.",
                "Without SECTION, the sections; with one (netease, tencent, alibaba, chinese, userunknown, ...), its replies."})
public final class CodesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(arity = "0..1", paramLabel = "SECTION", description = "a section's id, as the list without one shows")
    String section;

    @Override
    public Integer call() throws IOException {
        DiagnosisWriter.Format format = output.format(spec.commandLine());
        Lang lang = output.lang(spec.commandLine());
        List<ReplyReference.Section> sections = Bouncelens.standard().replyReference(lang);
        Writer out = new BufferedWriter(new OutputStreamWriter(output.stdout(), StandardCharsets.UTF_8), 1 << 16);
        if (section == null) {
            listSections(sections, format, out);
        } else {
            ReplyReference.Section chosen = null;
            for (ReplyReference.Section s : sections) if (s.id().equalsIgnoreCase(section.strip())) chosen = s;
            if (chosen == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no section '" + section + "'; there are: "
                        + String.join(", ", sections.stream().map(ReplyReference.Section::id).toList()));
            }
            listReplies(chosen, format, lang, out);
        }
        out.flush();
        return 0;
    }

    private static void listSections(List<ReplyReference.Section> sections, DiagnosisWriter.Format format, Writer out)
            throws IOException {
        if (format == DiagnosisWriter.Format.CSV) out.write("id,kind,replies,name\r\n");
        if (format == DiagnosisWriter.Format.JSON) out.write("[\n");
        for (int i = 0; i < sections.size(); i++) {
            ReplyReference.Section s = sections.get(i);
            if (format == DiagnosisWriter.Format.JSON && i > 0) out.write(",\n");
            switch (format) {
                case TEXT -> out.write(String.format("%-18s %-9s %4d  %s%n", s.id(), s.kind().label(), s.replies().size(), s.name()));
                case CSV -> {
                    out.write(s.id() + "," + s.kind().label() + "," + s.replies().size() + ",");
                    CsvRecordWriter.field(out, s.name());
                    out.write("\r\n");
                }
                default -> out.write("{\"id\":" + json(s.id()) + ",\"kind\":\"" + s.kind().label() + "\",\"name\":" + json(s.name())
                        + ",\"replies\":" + s.replies().size() + "}" + (format == DiagnosisWriter.Format.JSONL ? "\n" : ""));
            }
        }
        if (format == DiagnosisWriter.Format.JSON) out.write("\n]\n");
    }

    private static void listReplies(ReplyReference.Section s, DiagnosisWriter.Format format, Lang lang, Writer out)
            throws IOException {
        switch (format) {
            case TEXT -> {
                out.write("# " + s.name() + "\n");
                for (BounceRecord r : s.replies()) {
                    out.write("\n== " + r.diagnosticCode() + "\n");
                    // a writer per block: the heading goes before its blank line; the heading is
                    // the reply, so the block does not quote it again
                    new TextRecordWriter(out, lang, Bouncelens.standard()::providerName, false).write(r);
                }
            }
            case CSV -> {
                CsvRecordWriter csv = new CsvRecordWriter(out);
                for (BounceRecord r : s.replies()) csv.write(r);
            }
            case JSON -> {
                out.write("[");
                for (int i = 0; i < s.replies().size(); i++) {
                    out.write(i == 0 ? "\n" : ",\n");
                    out.write(JsonRecordWriter.toJson(s.replies().get(i)));
                }
                out.write("\n]\n");
            }
            case JSONL -> {
                for (BounceRecord r : s.replies()) out.write(JsonRecordWriter.toJson(r) + "\n");
            }
        }
    }

    private static String json(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
