package io.bouncelens.cli;

import io.bouncelens.Lang;
import io.bouncelens.emit.DiagnosisWriter;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;

/** How records are written ({@code --format}) and explained ({@code --lang}): the same for diagnose and logs. */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, jsonl or csv")
    String format;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "language of explanations and fixes: en, zh-CN, zh-TW "
                    + "(or a tag or locale of the same script: zh-Hant, zh-HK, zh-Hans, zh_CN.UTF-8, en-US); "
                    + EnvironmentLanguage.DEFAULT_DESCRIPTION)
    String lang;

    @Option(names = "--bom", description = ByteOrderMark.OPTION_DESCRIPTION)
    boolean bom;

    /** The format asked for; a usage error (exit 2) for an unknown one, or for --bom with another than csv. */
    DiagnosisWriter.Format format(CommandLine commandLine) {
        DiagnosisWriter.Format f = DiagnosisWriter.Format.fromName(format);
        if (f == null) throw new CommandLine.ParameterException(commandLine,
                "unknown format '" + format + "' (use text, json, jsonl or csv)");
        if (bom && f != DiagnosisWriter.Format.CSV) throw new CommandLine.ParameterException(commandLine,
                ByteOrderMark.ONLY_WITH_CSV);
        return f;
    }

    /** Standard output, where the records go: with --bom, the mark is written first. */
    OutputStream stdout() throws IOException {
        if (bom) System.out.write(ByteOrderMark.UTF_8);
        return System.out;
    }

    /** The language asked for, else the environment's; a usage error (exit 2) for an unknown one. */
    Lang lang(CommandLine commandLine) {
        try {
            return EnvironmentLanguage.resolve(lang, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
