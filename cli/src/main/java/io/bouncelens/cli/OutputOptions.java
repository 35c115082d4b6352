package io.bouncelens.cli;

import io.bouncelens.Lang;
import io.bouncelens.emit.DiagnosisWriter;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How records are written ({@code --format}) and explained ({@code --lang}): the same for diagnose and logs. */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, jsonl or csv")
    String format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "language of explanations and fixes: en (default), zh-CN, zh-TW")
    String lang;

    /** The format asked for; a usage error (exit 2) for an unknown one. */
    DiagnosisWriter.Format format(CommandLine commandLine) {
        DiagnosisWriter.Format f = DiagnosisWriter.Format.fromName(format);
        if (f == null) throw new CommandLine.ParameterException(commandLine,
                "unknown format '" + format + "' (use text, json, jsonl or csv)");
        return f;
    }

    /** The language asked for; a usage error (exit 2) for an unknown one. */
    Lang lang(CommandLine commandLine) {
        Lang language = Lang.fromTag(lang);
        if (language == null) throw new CommandLine.ParameterException(commandLine,
                "unknown language '" + lang + "' (use en, zh-CN or zh-TW)");
        return language;
    }
}
