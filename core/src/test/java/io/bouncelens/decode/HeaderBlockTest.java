package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Header blocks and delivery-status groups: fields, continuations, blank lines, broken wrapping. */
class HeaderBlockTest {

    @Test
    void fieldsContinuationsAndGroupsAreRead() {
        String text = "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; a@example.net\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user\n    unknown here\nStatus: 5.1.1\n \n"
                + "Final-Recipient: rfc822; b@example.net\nDiagnostic-Code: smtp; 552 mailbox\nfull, wrapped without indent\n";
        List<Headers> groups = HeaderBlock.groups(text, 100, 10);

        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).first("Reporting-MTA")).isEqualTo("dns; mx.example.org");
        assertThat(groups.get(1).first("Diagnostic-Code")).isEqualTo("smtp; 550 5.1.1 user unknown here");
        assertThat(groups.get(1).first("Status")).isEqualTo("5.1.1");
        assertThat(groups.get(2).first("Diagnostic-Code")).isEqualTo("smtp; 552 mailbox full, wrapped without indent");
    }

    @Test
    void aHeaderBlockEndsAtItsFirstBlankLineAndDecodesEncodedWords() {
        Headers h = HeaderBlock.parse("Subject: =?UTF-8?B?w6k=?= ok\nnot a field line\nTo: x@example.org\n\nFrom: later@example.org\n", 100);

        assertThat(h.first("Subject")).isEqualTo("\u00e9 ok");
        assertThat(h.first("To")).isEqualTo("x@example.org");
        assertThat(h.has("From")).isFalse();
    }

    /** Random texts read as the line-by-line reader this one replaced read them (kept below). */
    @Test
    void readsRandomTextsAsTheLineByLineReaderDid() {
        Random random = new Random(8);
        String[] pieces = {"Name: ", "X-Y:", "value", " ", "\t", "\n", "\r\n", "\r", ":", "\u3000", "\u00a0", "a b",
                "Long-" + "n".repeat(90) + ": v", "=?UTF-8?Q?caf=C3=A9?=", "\n\n", " \n", "  cont"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) s.append(pieces[random.nextInt(pieces.length)]);
            String text = s.toString();
            int maxFields = 1 + random.nextInt(6);
            int maxGroups = 1 + random.nextInt(4);
            assertThat(HeaderBlock.groups(text, maxFields, maxGroups))
                    .as("round %d: %s", round, text).isEqualTo(Reference.groups(text, maxFields, maxGroups, false));
            assertThat(List.of(HeaderBlock.parse(text, maxFields)))
                    .as("round %d: %s", round, text).isEqualTo(orEmpty(Reference.groups(text, maxFields, 1, true)));
        }
    }

    private static List<Headers> orEmpty(List<Headers> groups) {
        return List.of(groups.isEmpty() ? Headers.EMPTY : groups.get(0));
    }

    /** The reader as it was, a string per line and per trimmed piece: the reference for the test above. */
    private static final class Reference {
        static List<Headers> groups(String text, int maxFields, int maxGroups, boolean decodeWords) {
            List<Headers> out = new ArrayList<>();
            List<Header> current = new ArrayList<>();
            String name = null;
            StringBuilder value = new StringBuilder();
            int pos = 0;
            int len = text.length();
            while (pos <= len && out.size() < maxGroups) {
                int eol = text.indexOf('\n', pos);
                if (eol < 0) eol = len;
                int end = eol;
                if (end > pos && text.charAt(end - 1) == '\r') end--;
                String line = text.substring(pos, end);
                pos = eol + 1;
                if (line.isBlank()) {
                    if (name != null) {
                        add(current, name, value, decodeWords, maxFields);
                        name = null;
                    }
                    if (!current.isEmpty()) {
                        out.add(new Headers(current));
                        current = new ArrayList<>();
                        if (decodeWords) break;
                    }
                    if (eol >= len) break;
                    continue;
                }
                char c0 = line.charAt(0);
                if ((c0 == ' ' || c0 == '\t') && name != null) {
                    value.append(' ').append(line.trim());
                } else {
                    int colon = fieldNameEnd(line);
                    if (colon > 0) {
                        if (name != null) add(current, name, value, decodeWords, maxFields);
                        name = line.substring(0, colon).trim();
                        value.setLength(0);
                        value.append(line.substring(colon + 1).trim());
                    } else if (name != null && !decodeWords) {
                        value.append(' ').append(line.trim());
                    }
                }
                if (eol >= len) break;
            }
            if (name != null) add(current, name, value, decodeWords, maxFields);
            if (!current.isEmpty() && out.size() < maxGroups) out.add(new Headers(current));
            return out;
        }

        private static void add(List<Header> fields, String name, StringBuilder value, boolean decodeWords, int max) {
            if (fields.size() >= max) return;
            String v = value.toString().trim();
            fields.add(new Header(name, decodeWords ? EncodedWords.decode(v) : v));
        }

        private static int fieldNameEnd(String line) {
            int max = Math.min(line.length(), 80);
            for (int i = 0; i < max; i++) {
                char c = line.charAt(i);
                if (c == ':') return i;
                if (c <= ' ' || c > '~') return -1;
            }
            return -1;
        }
    }
}
