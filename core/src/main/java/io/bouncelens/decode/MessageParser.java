package io.bouncelens.decode;

import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one message into a {@link ParsedMessage}. The message is one array in memory
 * ({@link MessageBytes}: LF line ends, header fields capped), so its MIME structure is read in
 * place: header blocks line by line, parts found by searching for their boundary lines, and each
 * part's bytes handed on as a range of that array. Only what a report needs is kept: top-level
 * headers, the text parts, the delivery-status and feedback fields, and the returned original's
 * header block. The original is not parsed recursively, so its body, its attachments and any
 * reports nested inside it are skipped unread.
 *
 * <p>Lenient as mail demands: a header line that is no field (no colon, a name with spaces) ends
 * the header block and starts the body; a part whose boundary never comes runs to the end of its
 * parent (and the message is said to end early); a multipart whose boundary never appears is all
 * preamble.
 */
public final class MessageParser {

    /** The problem of a file that is no message at all (a log, JSON): what callers may add a hint to. */
    public static final String NO_HEADER_FIELDS = "no header fields: read as the text of a message without them";

    private final Limits limits;

    /** Reports attached to reports are read this many levels deep; deeper ones only by their headers. */
    private static final int ATTACHED_REPORT_LEVELS = 1;

    /** At most this many reports attached to one message are read (a gateway's digest of bounces). */
    static final int MAX_ATTACHED_REPORTS = 32;

    private final int attachedReportLevels;

    public MessageParser(Limits limits) {
        this(limits, ATTACHED_REPORT_LEVELS);
    }

    private MessageParser(Limits limits, int attachedReportLevels) {
        this.limits = limits;
        this.attachedReportLevels = attachedReportLevels;
    }

    public MessageParser() {
        this(Limits.DEFAULT);
    }

    /** Parses the stream to its end (or to {@link Limits#maxMessageBytes()}); never throws on content. */
    public ParsedMessage parse(InputStream raw) {
        // size cap, line ends and header-field cap in one pass
        return parse(MessageBytes.read(raw, limits.maxMessageBytes(), limits.maxHeaderLineBytes()));
    }

    /**
     * Parses a message held whole in memory, as {@link #parse(InputStream)} does, without copying
     * it when it needs no change; {@code message} is only read.
     */
    public ParsedMessage parse(byte[] message) {
        return parse(message, false);
    }

    /**
     * As {@link #parse(byte[])}; {@code lfOnly} says the caller knows every line end in
     * {@code message} is an LF (an mbox splitter normalised them), so no search for CRs is made.
     */
    public ParsedMessage parse(byte[] message, boolean lfOnly) {
        return parse(MessageBytes.of(message, lfOnly, limits.maxMessageBytes(), limits.maxHeaderLineBytes()));
    }

    private ParsedMessage parse(MessageBytes input) {
        if (input.rawLength() == 0) {
            // an empty input is said so in one line, not as a MIME structure that "ends early"
            return unreadable(input.error() != null ? "read error: " + oneLine(input.error().getMessage())
                    : "empty message: nothing to read");
        }
        Reader reader = new Reader(input.bytes(), input.length());
        if (input.error() != null) reader.fail("read error: " + oneLine(input.error().getMessage()), true);
        try {
            reader.message();
        } catch (IOException e) {
            reader.fail("read error: " + oneLine(e.getMessage()), true);
        } catch (RuntimeException e) {
            reader.fail("undecodable MIME: " + e.getClass().getSimpleName(), true);
        }
        if (input.cut()) {
            reader.fail("a header field is longer than " + limits.maxHeaderLineBytes() + " bytes; read its start", true);
        }
        if (input.exceeded()) {
            reader.fail("message larger than " + limits.maxMessageBytes() + " bytes; read the first "
                    + limits.maxMessageBytes(), true);
        }
        // MTAs often cut the returned copy short, leaving its boundary open: only a report that
        // ends before its returned copy is incomplete
        if (reader.prematureEnd && !reader.stopped && !reader.sawOriginal) {
            reader.fail("MIME part not closed: the message ends early (truncated?)", true);
        }
        return reader.result();
    }

    private static ParsedMessage unreadable(String problem) {
        return new ParsedMessage(Headers.EMPTY, null, "", null, null, null, List.of(), false, List.of(problem));
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            b.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return b.toString();
    }

    /**
     * A header block as read: the fields kept (all of them for the top level, none for parts), the
     * values of the two fields every part needs, and where the body starts.
     *
     * @param complete false when the block ran to the end of its part without its empty line
     */
    private record HeaderBlockAt(List<Header> fields, String contentType, String transferEncoding, int bodyStart,
                                 boolean complete) {
    }

    /** The byte ranges of a multipart body: its preamble and parts, and whether its closing boundary came. */
    private record PartsAt(int preambleEnd, List<int[]> parts, boolean closed) {
    }

    private final class Reader {
        final byte[] b;
        final int n;
        final DecodeMonitor monitor = new TruncationMonitor();
        boolean prematureEnd;
        boolean stopped;
        int depth;
        int parts;
        Headers top;
        String topType;
        final TextParts plain = new TextParts();
        final TextParts html = new TextParts();
        Headers perMessage;
        final List<Headers> perRecipient = new ArrayList<>();
        boolean global;
        boolean sawDeliveryStatus;
        Headers feedback;
        Headers disposition;
        Headers original;
        final List<ParsedMessage> attachedReports = new ArrayList<>();
        boolean sawOriginal;
        String preamble;
        final List<String> partTypes = new ArrayList<>();
        boolean truncated;
        final List<String> problems = new ArrayList<>();

        Reader(byte[] b, int n) {
            this.b = b;
            this.n = n;
        }

        void fail(String problem, boolean cut) {
            if (cut) truncated = true;
            if (problems.size() < 8 && !problems.contains(problem)) problems.add(problem);
        }

        private void stopBecause(String problem) {
            fail(problem, true);
            stopped = true;
        }

        void message() throws IOException {
            HeaderBlockAt head = header(headerStart(), n, true);
            top = new Headers(head.fields());
            entity(head, n, "text/plain");
        }

        /**
         * Where the message's header block starts: at 0, or, when the message opens with lines
         * of nothing but blanks (a bounce pasted with an empty line above it, or saved so by a
         * script) and a header field follows them, at that field. By the letter of RFC 5322 an
         * empty first line ends an empty header block, but no bounce is written that way.
         */
        private int headerStart() {
            int line = 0;
            while (line < n && line < 4096) {
                int i = line;
                while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
                if (i < n && b[i] != '\n') {
                    return line > 0 && i == line && colonOfField(i, ByteScan.indexOf(b, i, n, (byte) '\n')) > 0 ? line : 0;
                }
                if (i >= n) return 0;
                line = i + 1;
            }
            return 0;
        }

        /** One entity (the message or a part) from its header block to {@code end}. */
        private void entity(HeaderBlockAt head, int end, String defaultType) throws IOException {
            if (!head.complete()) prematureEnd = true;
            MediaType type = head.contentType() == null ? null : MediaType.parse(head.contentType());
            String mime = type == null ? defaultType : type.type();
            String boundary = type == null ? null : type.parameter("boundary");
            if (mime.startsWith("multipart/") && (boundary == null || boundary.isEmpty())) mime = "text/plain";
            if (mime.startsWith("multipart/")) {
                multipart(mime, boundary, head.bodyStart(), end);
            } else {
                body(mime, type, head.transferEncoding(), head.bodyStart(), end);
            }
        }

        private void multipart(String mime, String boundary, int start, int end) throws IOException {
            if (depth + 1 > limits.maxMimeDepth()) {
                stopBecause("MIME nested deeper than " + limits.maxMimeDepth() + " levels");
                return;
            }
            depth++;
            if (depth == 1 && topType == null) topType = mime;
            PartsAt at = parts(("--" + boundary).getBytes(StandardCharsets.ISO_8859_1), start, end);
            if (!at.closed()) prematureEnd = true;
            // a multipart whose boundary never appears is all preamble: keep it in case it is the report
            if (depth == 1 && preamble == null) preamble = text(start, at.preambleEnd(), null, null, limits.maxTextBytesPerPart());
            String childType = mime.equals("multipart/digest") ? "message/rfc822" : "text/plain";
            for (int[] part : at.parts()) {
                if (stopped) break;
                if (++parts > limits.maxParts()) {
                    stopBecause("more than " + limits.maxParts() + " MIME parts; read the first ones");
                    break;
                }
                entity(header(part[0], part[1], false), part[1], childType);
            }
            depth--;
        }

        /**
         * Splits a multipart body {@code b[start, end)} at its boundary lines. A part ends where a
         * boundary line starts; the line end before that line belongs to the boundary (RFC 2046
         * §5.1.1). The range already ends before the next boundary line of any enclosing
         * multipart, so a part left open ends there.
         */
        private PartsAt parts(byte[] boundary, int start, int end) {
            List<int[]> found = new ArrayList<>();
            int preambleEnd = end;
            int partStart = -1;
            // Boundary lines start with "--": the search goes from dash to dash, so the lines of a
            // base64 attachment (no '-' in its alphabet) are passed over without looking at each.
            for (int pos = start; pos < end; ) {
                int dash = ByteScan.indexOf(b, pos, end, (byte) '-');
                if (dash >= end) break;
                boolean lineStart = dash == start || b[dash - 1] == '\n';
                int eol = ByteScan.lf(b, dash, end);
                int kind = lineStart && eol - dash >= 2 && b[dash + 1] == '-' ? boundaryKind(boundary, dash, eol) : NOT_A_BOUNDARY;
                if (kind != NOT_A_BOUNDARY) {
                    int contentEnd = Math.max(partStart < 0 ? start : partStart, dash - 1);
                    if (partStart < 0) preambleEnd = contentEnd;
                    else found.add(new int[] {partStart, contentEnd});
                    if (kind == CLOSE) return new PartsAt(preambleEnd, found, true);
                    partStart = Math.min(end, eol + 1);
                }
                pos = eol + 1;
            }
            if (partStart >= 0) found.add(new int[] {partStart, end});
            return new PartsAt(preambleEnd, found, false);
        }

        private static final int NOT_A_BOUNDARY = 0;
        private static final int OPEN = 1;
        private static final int CLOSE = 2;

        /** Whether the line {@code b[from, eol)} is {@code boundary}, {@code boundary--}, or neither (trailing blanks allowed). */
        private int boundaryKind(byte[] boundary, int from, int eol) {
            int len = boundary.length;
            if (eol - from < len) return NOT_A_BOUNDARY;
            for (int i = 2; i < len; i++) if (b[from + i] != boundary[i]) return NOT_A_BOUNDARY;
            int i = from + len;
            int kind = OPEN;
            if (i + 2 <= eol && b[i] == '-' && b[i + 1] == '-') {
                kind = CLOSE;
                i += 2;
            }
            while (i < eol && (b[i] == ' ' || b[i] == '\t')) i++;
            return i == eol ? kind : NOT_A_BOUNDARY;
        }

        /**
         * The header block starting at {@code from}: fields are lines {@code Name: value} and the
         * indented lines after them; an empty line ends the block, and so does a line that is no
         * field, which then starts the body.
         */
        private HeaderBlockAt header(int from, int end, boolean keepFields) {
            Fields fields = new Fields(keepFields);
            int fieldStart = -1;
            int colon = -1;
            int pos = from;
            while (pos < end) {
                int eol = ByteScan.lf(b, pos, end);
                byte c = b[pos];
                if ((c == ' ' || c == '\t') && fieldStart >= 0) { // a folded line of the field
                    pos = eol + 1;
                    continue;
                }
                // a parameter list folded without indent ("...; report-type=feedback-report;" then
                // "boundary=..." at the start of the next line): the field goes on
                if (fieldStart >= 0 && eol > pos && endsInSemicolon(pos - 1) && colonOfField(pos, eol) < 0) {
                    pos = eol + 1;
                    continue;
                }
                if (fieldStart >= 0) fields.add(fieldStart, colon, pos - 1); // it ended with the line before
                fieldStart = -1;
                if (eol == pos) return fields.block(Math.min(end, eol + 1), true); // the empty line
                colon = colonOfField(pos, eol);
                if (colon < 0) return fields.block(pos, true); // no field: the body starts here
                fieldStart = pos;
                pos = eol + 1;
            }
            if (fieldStart >= 0) fields.add(fieldStart, colon, b[end - 1] == '\n' ? end - 1 : end);
            return fields.block(end, false);
        }

        /** Whether the line ending at {@code lf} (its LF) ends in ';', blanks and CR aside. */
        private boolean endsInSemicolon(int lf) {
            int i = lf - 1;
            while (i >= 0 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i--;
            return i >= 0 && b[i] == ';';
        }

        /** The fields of one header block as they are read. */
        private final class Fields {
            final List<Header> kept;
            String contentType;
            String transferEncoding;

            Fields(boolean keep) {
                kept = keep ? new ArrayList<>() : List.of();
            }

            /** The field {@code b[from, end)} (its last line end excluded), its name ending at {@code colon}. */
            void add(int from, int colon, int end) {
                if (kept instanceof ArrayList<Header> list) {
                    if (list.size() < limits.maxHeaderCount()) {
                        list.add(Header.ofRaw(name(from, colon), b, colon + 1, end - colon - 1));
                    } else if (list.size() == limits.maxHeaderCount()) {
                        fail("more than " + limits.maxHeaderCount() + " header fields; read the first ones", true);
                    }
                }
                // the media type is read as written: a boundary is no encoded word, whatever it holds
                if (contentType == null && isNamed(from, colon, CONTENT_TYPE)) {
                    contentType = EncodedWords.unfold(new String(b, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1)).trim();
                } else if (transferEncoding == null && isNamed(from, colon, TRANSFER_ENCODING)) {
                    transferEncoding = EncodedWords.decodeRaw(b, colon + 1, end - colon - 1).toLowerCase(Locale.ROOT);
                }
            }

            HeaderBlockAt block(int bodyStart, boolean complete) {
                return new HeaderBlockAt(kept, contentType, transferEncoding, bodyStart, complete);
            }
        }

        /** The colon ending a field name at the start of {@code b[from, eol)}, or -1 when the line is no field. */
        private int colonOfField(int from, int eol) {
            int nameEnd = -1;
            for (int i = from; i < eol; i++) {
                byte c = b[i];
                if (c == ':') return i > from && (nameEnd < 0 || nameEnd > from) ? i : -1;
                if (c == ' ' || c == '\t') {
                    if (nameEnd < 0) nameEnd = i; // blanks may only stand between the name and its colon
                } else if (nameEnd >= 0 || c < 33 || c > 126) {
                    return -1;
                }
            }
            return -1;
        }

        private String name(int from, int colon) {
            int end = colon;
            while (end > from && (b[end - 1] == ' ' || b[end - 1] == '\t')) end--;
            return new String(b, from, end - from, StandardCharsets.ISO_8859_1);
        }

        private boolean isNamed(int from, int colon, byte[] lowerName) {
            int end = colon;
            while (end > from && (b[end - 1] == ' ' || b[end - 1] == '\t')) end--;
            if (end - from != lowerName.length) return false;
            for (int i = 0; i < lowerName.length; i++) {
                int c = b[from + i];
                if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                if (c != lowerName[i]) return false;
            }
            return true;
        }

        /** A leaf part: its content, with its transfer encoding undone, read by what its type is. */
        private void body(String mime, MediaType type, String encoding, int start, int end) throws IOException {
            if (depth == 0 && topType == null) topType = mime;
            partTypes.add(mime);
            String charset = type == null ? null : type.parameter("charset");
            switch (mime) {
                case "text/plain", "text/enriched" -> plain.add(text(start, end, encoding, charset, limits.maxTextBytesPerPart()));
                case "text/html" -> html.add(text(start, end, encoding, charset, limits.maxTextBytesPerPart()));
                case "message/delivery-status", "message/global-delivery-status" -> readDeliveryStatus(start, end, encoding, mime);
                case "message/feedback-report" -> feedback = HeaderBlock.parse(
                        text(start, end, encoding, "utf-8", limits.maxTextBytesPerPart()), limits.maxHeaderCount());
                case "message/disposition-notification" -> disposition = HeaderBlock.parse(
                        text(start, end, encoding, "utf-8", limits.maxTextBytesPerPart()), limits.maxHeaderCount());
                case "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers",
                     "message/partial", "text/rfc822-header" -> readOriginal(start, end, encoding);
                default -> {
                    // attachments and anything else: their bytes are not looked at
                }
            }
        }

        /** The part's content as a stream with its transfer encoding undone. */
        private InputStream decoded(int start, int end, String encoding) {
            InputStream raw = new ByteArrayInputStream(b, start, end - start);
            if ("base64".equals(encoding)) return new Base64InputStream(raw, monitor);
            if ("quoted-printable".equals(encoding)) return new QuotedPrintableInputStream(raw, end - start);
            return raw;
        }

        private static boolean isIdentity(String encoding) {
            return encoding == null || !(encoding.equals("base64") || encoding.equals("quoted-printable"));
        }

        private String text(int start, int end, String encoding, String charset, int max) throws IOException {
            if (isIdentity(encoding)) {
                // 7bit, 8bit, binary: the bytes are the text, decoded where they lie
                int length = end - start;
                if (length > max) {
                    fail("a text part is longer than " + max + " bytes; read its start", true);
                    length = max;
                }
                return Charsets.decode(b, start, length, charset);
            }
            // decoding never makes a part longer (base64 makes it shorter by a quarter)
            int expected = "base64".equals(encoding) ? (end - start) / 4 * 3 + 3 : end - start;
            Bytes bytes = Bytes.read(decoded(start, end, encoding), max, expected);
            if (bytes.more()) fail("a text part is longer than " + max + " bytes; read its start", true);
            return Charsets.decode(bytes.bytes(), 0, bytes.length(), charset);
        }

        private void readDeliveryStatus(int start, int end, String encoding, String type) throws IOException {
            boolean isGlobal = type.startsWith("message/global");
            String text = text(start, end, encoding, isGlobal ? "utf-8" : null, limits.maxDeliveryStatusBytes());
            int room = limits.maxRecipients() - perRecipient.size() + 1;
            if (room <= 1) {
                fail("more than " + limits.maxRecipients() + " recipients; read the first ones", true);
                return;
            }
            List<Headers> groups = DsnGroups.separated(HeaderBlock.groups(text, limits.maxHeaderCount(), room + 1));
            if (groups.size() > room) {
                fail("more than " + limits.maxRecipients() + " recipients; read the first ones", true);
                groups = groups.subList(0, room);
            }
            sawDeliveryStatus = true;
            global |= isGlobal;
            for (Headers g : groups) {
                boolean isRecipient = g.has("Final-Recipient") || g.has("Original-Recipient")
                        || g.has("Action") || g.has("Status");
                if (!isRecipient && perMessage == null && perRecipient.isEmpty()) perMessage = g;
                else perRecipient.add(g);
            }
        }

        private void readOriginal(int start, int end, String encoding) throws IOException {
            sawOriginal = true;
            // the first attached message is the returned original; a later one is read only for
            // being a report too (a gateway's digest of bounces)
            boolean first = original == null;
            if (!first && (attachedReportLevels == 0 || attachedReports.isEmpty()
                    || attachedReports.size() >= MAX_ATTACHED_REPORTS)) {
                return;
            }
            Headers headers;
            ParsedMessage report = null;
            if (isIdentity(encoding)) {
                // most returned messages: their header block read where it lies
                int[] head = HeaderBytes.within(b, start, end, limits.maxTextBytesPerPart());
                if (head[1] == head[0]) return;
                headers = HeaderBlock.parse(Charsets.decode(b, head[0], head[1] - head[0], null), limits.maxHeaderCount());
                if (attachedReportLevels > 0 && isReport(headers)) {
                    report = new MessageParser(limits, attachedReportLevels - 1)
                            .parse(new ByteArrayInputStream(b, head[0], end - head[0]));
                }
            } else {
                InputStream is = decoded(start, end, encoding);
                HeaderBytes head = HeaderBytes.read(is, limits.maxTextBytesPerPart());
                if (head.length() == 0) return;
                headers = HeaderBlock.parse(Charsets.decode(head.bytes(), 0, head.length(), null), limits.maxHeaderCount());
                if (attachedReportLevels > 0 && isReport(headers)) {
                    // a wrapper around a bounce (or a forwarded bounce): parse it as a report of its own
                    report = new MessageParser(limits, attachedReportLevels - 1).parse(head.andRest(is));
                }
            }
            if (first) original = headers;
            if (report != null) attachedReports.add(report);
        }

        /** Headers of a delivery report: multipart/report, or written by a mail system. */
        private boolean isReport(Headers h) {
            if (MediaType.parse(h.first("Content-Type")).type().equals("multipart/report")) return true;
            String from = h.first("From");
            return from != null && from.toLowerCase(Locale.ROOT).contains("mailer-daemon");
        }

        ParsedMessage result() {
            String text = !plain.isEmpty() ? plain.joined() : HtmlText.toText(html.joined());
            if (partTypes.isEmpty() && preamble != null) {
                text = preamble;
                fail("multipart without its boundary: read as plain text", false);
            }
            DeliveryStatus dsn = sawDeliveryStatus
                    ? new DeliveryStatus(perMessage == null ? Headers.EMPTY : perMessage, perRecipient, global)
                    : null;
            if (top == null || top.isEmpty()) fail(NO_HEADER_FIELDS, false);
            return new ParsedMessage(top, topType, text, dsn, feedback, original, partTypes, truncated, problems,
                    attachedReports, disposition);
        }

        /** Notices of the base64 decoder that the encoded text ended in the middle of a group. */
        private final class TruncationMonitor extends DecodeMonitor {
            @Override
            public boolean warn(String error, String dropDesc) {
                if (error != null && error.contains("Unexpected end")) prematureEnd = true;
                return false;
            }

            @Override
            public boolean isListening() {
                return true;
            }
        }
    }

    private static final byte[] CONTENT_TYPE = "content-type".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] TRANSFER_ENCODING = "content-transfer-encoding".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * The text parts of one kind, non-blank ones joined by an empty line. Most messages have one:
     * it is kept as it is, not copied into a builder and out again.
     */
    private static final class TextParts {
        private String first;
        private StringBuilder more;

        void add(String text) {
            if (text.isBlank()) return;
            if (first == null) {
                first = text;
                return;
            }
            if (more == null) more = new StringBuilder(first);
            more.append("\n\n").append(text);
        }

        boolean isEmpty() {
            return first == null;
        }

        String joined() {
            return more != null ? more.toString() : first == null ? "" : first;
        }
    }
}
