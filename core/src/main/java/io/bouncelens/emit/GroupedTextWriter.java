package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Text for a terminal: per message a heading (file, message number in a mailbox, subject), then
 * one block per recipient. With {@code all}, a message that is no bounce gets its heading and its
 * kind.
 */
final class GroupedTextWriter extends DiagnosisWriter {

    private final Writer out;
    private final Lang lang;
    private boolean first = true;

    GroupedTextWriter(Writer out, Lang lang, boolean all) {
        super(all);
        this.out = out;
        this.lang = lang;
    }

    @Override
    public void write(MessageDiagnosis d) throws IOException {
        if (d.records().isEmpty() && !all) return;
        if (d.records().isEmpty() && d.subject() == null && !d.problems().isEmpty()) return;
        if (!first) out.write('\n');
        first = false;
        out.write(heading(d));
        out.write('\n');
        if (d.records().isEmpty()) {
            out.write("  (" + d.kind().label() + ")\n");
            out.flush();
            return;
        }
        StringWriter block = new StringWriter();
        TextRecordWriter records = new TextRecordWriter(block, lang);
        for (BounceRecord r : d.records()) records.write(r);
        indent(block.toString());
        out.flush();
    }

    /** Writes the blocks indented under their heading, blank lines kept blank. */
    private void indent(String text) throws IOException {
        int pos = 0;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = text.length();
            if (eol > pos) out.write("  " + text.substring(pos, eol));
            out.write('\n');
            pos = eol + 1;
        }
    }

    private static String heading(MessageDiagnosis d) {
        StringBuilder b = new StringBuilder("== ").append(d.file() == null ? "-" : d.file());
        if (d.message() > 0) b.append(" #").append(d.message());
        if (d.subject() != null && !d.subject().isBlank()) b.append(" · ").append(d.subject().trim());
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
