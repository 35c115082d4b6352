package io.bouncelens.decode;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.ByteSequence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one message with mime4j's streaming parser into a {@link ParsedMessage}. Only what a
 * report needs is kept: top-level headers, the text parts, the delivery-status and feedback
 * fields, and the returned original's header block. The original is not parsed recursively, so
 * its body, its attachments and any reports nested inside it are skipped unread.
 */
public final class MessageParser {

    private final Limits limits;

    /** Reports attached to reports are read this many levels deep; deeper ones only by their headers. */
    private static final int ATTACHED_REPORT_LEVELS = 1;

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
        // size cap, line ends and header-field cap in one pass; header fields are cut a little
        // below mime4j's limit, so its limit (which aborts the parse) is never reached and the
        // rest of the message is still read
        MessageBytes input = MessageBytes.read(raw, limits.maxMessageBytes(), Math.max(1, limits.maxHeaderLineBytes() - 64));
        if (input.rawLength() == 0) {
            // an empty input is said so in one line, not as a MIME structure that "ends early"
            return unreadable(input.error() != null ? "read error: " + oneLine(input.error().getMessage())
                    : "empty message: nothing to read");
        }
        Handler handler = new Handler();
        if (input.error() != null) handler.fail("read error: " + oneLine(input.error().getMessage()), true);
        MimeConfig config = new MimeConfig.Builder()
                .setMaxLineLen(-1)
                .setMaxHeaderLen(limits.maxHeaderLineBytes())
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxContentLen(-1)
                .setStrictParsing(false)
                .setMalformedHeaderStartsBody(true)
                .build();
        TruncationMonitor monitor = new TruncationMonitor();
        MimeStreamParser parser = new MimeStreamParser(config, monitor, new PartDescriptorBuilder());
        // transfer encodings are undone in body(): base64 by mime4j's decoder, quoted-printable by ours
        parser.setContentDecoding(false);
        parser.setNoRecurse();
        parser.setContentHandler(handler);
        handler.parser = parser;
        handler.monitor = monitor;
        try {
            parser.parse(new ByteArrayInputStream(input.bytes(), 0, input.length()));
        } catch (MimeException e) {
            handler.fail("malformed MIME: " + oneLine(e.getMessage()), true);
        } catch (IOException e) {
            handler.fail("read error: " + oneLine(e.getMessage()), true);
        } catch (RuntimeException e) {
            handler.fail("undecodable MIME: " + e.getClass().getSimpleName(), true);
        }
        if (input.cut()) {
            handler.fail("a header field is longer than " + limits.maxHeaderLineBytes() + " bytes; read its start", true);
        }
        if (input.exceeded()) {
            handler.fail("message larger than " + limits.maxMessageBytes() + " bytes; read the first "
                    + limits.maxMessageBytes(), true);
        }
        // MTAs often cut the returned copy short, leaving its boundary open: only a report that
        // ends before its returned copy is incomplete
        if (monitor.prematureEnd && !handler.stopped && !handler.sawOriginal) {
            handler.fail("MIME part not closed: the message ends early (truncated?)", true);
        }
        return handler.result();
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

    /** Listens for mime4j's notices that a part or header block ended before its boundary. */
    private static final class TruncationMonitor extends DecodeMonitor {
        boolean prematureEnd;

        @Override
        public boolean warn(String error, String dropDesc) {
            if (error != null && (error.contains("prematurely") || error.contains("Unexpected end"))) prematureEnd = true;
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    private final class Handler extends AbstractContentHandler {
        MimeStreamParser parser;
        DecodeMonitor monitor;
        boolean stopped;
        int depth;
        int parts;
        boolean inTopHeader;
        boolean topHeaderDone;
        List<Header> collecting = new ArrayList<>();
        String partContentType;
        Headers top;
        String topType;
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        Headers perMessage;
        final List<Headers> perRecipient = new ArrayList<>();
        boolean global;
        boolean sawDeliveryStatus;
        Headers feedback;
        Headers original;
        ParsedMessage attachedReport;
        boolean sawOriginal;
        String preamble;
        final List<String> partTypes = new ArrayList<>();
        boolean truncated;
        final List<String> problems = new ArrayList<>();

        void fail(String problem, boolean cut) {
            if (cut) truncated = true;
            if (problems.size() < 8 && !problems.contains(problem)) problems.add(problem);
        }

        private void stopBecause(String problem) {
            fail(problem, true);
            stopped = true;
            parser.stop();
        }

        @Override
        public void startMessage() {
            inTopHeader = !topHeaderDone;
        }

        @Override
        public void startBodyPart() {
            inTopHeader = false;
            partContentType = null;
            if (++parts > limits.maxParts()) stopBecause("more than " + limits.maxParts() + " MIME parts; read the first ones");
        }

        @Override
        public void startMultipart(BodyDescriptor bd) {
            if (++depth > limits.maxMimeDepth()) stopBecause("MIME nested deeper than " + limits.maxMimeDepth() + " levels");
            if (depth == 1 && topType == null) topType = lower(bd.getMimeType());
        }

        @Override
        public void preamble(InputStream is) throws IOException {
            // a multipart whose boundary never appears is all preamble: keep it in case it is the report
            if (depth == 1 && preamble == null) preamble = readText(is, null);
        }

        @Override
        public void endMultipart() {
            depth--;
        }

        @Override
        public void startHeader() {
            collecting = new ArrayList<>();
        }

        @Override
        public void field(Field field) {
            if (collecting.size() >= limits.maxHeaderCount()) return;
            String name = field.getName();
            if (inTopHeader) {
                collecting.add(new Header(name, valueOf(field)));
            } else if (name.equalsIgnoreCase("Content-Type")) {
                partContentType = valueOf(field);
            }
        }

        @Override
        public void endHeader() {
            if (inTopHeader) {
                top = new Headers(collecting);
                topHeaderDone = true;
                inTopHeader = false;
                partContentType = top.first("Content-Type");
            }
        }

        @Override
        public void body(BodyDescriptor bd, InputStream raw) throws IOException {
            InputStream is = decoded(bd, raw);
            String type = lower(bd.getMimeType());
            if (depth == 0 && topType == null) topType = type;
            partTypes.add(type);
            MediaType mediaType = MediaType.parse(partContentType);
            String charset = mediaType.parameter("charset");
            switch (type) {
                case "text/plain", "text/enriched" -> appendText(plain, readText(is, charset));
                case "text/html" -> appendText(html, readText(is, charset));
                case "message/delivery-status", "message/global-delivery-status" -> readDeliveryStatus(is, type);
                case "message/feedback-report" -> feedback = HeaderBlock.parse(readText(is, "utf-8"), limits.maxHeaderCount());
                case "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers",
                     "message/partial", "text/rfc822-header" -> readOriginal(is);
                default -> {
                    // attachments and anything else: their bytes are skipped by the parser
                }
            }
        }

        /** The part's content with its transfer encoding undone, as mime4j's content decoding did. */
        private InputStream decoded(BodyDescriptor bd, InputStream raw) {
            String encoding = bd.getTransferEncoding();
            if ("base64".equalsIgnoreCase(encoding)) return new Base64InputStream(raw, monitor);
            if ("quoted-printable".equalsIgnoreCase(encoding)) return new QuotedPrintableInputStream(raw);
            return raw;
        }

        private void appendText(StringBuilder to, String text) {
            if (text.isBlank()) return;
            if (to.length() > 0) to.append("\n\n");
            to.append(text);
        }

        private void readDeliveryStatus(InputStream is, String type) throws IOException {
            boolean isGlobal = type.startsWith("message/global");
            String text = readText(is, isGlobal ? "utf-8" : null, limits.maxDeliveryStatusBytes());
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

        private void readOriginal(InputStream is) throws IOException {
            sawOriginal = true;
            if (original != null) return;
            HeaderBytes head = HeaderBytes.read(is, limits.maxTextBytesPerPart());
            if (head.length() == 0) return;
            original = HeaderBlock.parse(Charsets.decode(head.bytes(), 0, head.length(), null), limits.maxHeaderCount());
            if (attachedReportLevels > 0 && isReport(original)) {
                // a wrapper around a bounce (or a forwarded bounce): parse it as a report of its own
                InputStream whole = head.andRest(is);
                attachedReport = new MessageParser(limits, attachedReportLevels - 1).parse(whole);
            }
        }

        /** Headers of a delivery report: multipart/report, or written by a mail system. */
        private boolean isReport(Headers h) {
            if (MediaType.parse(h.first("Content-Type")).type().equals("multipart/report")) return true;
            String from = h.first("From");
            if (from == null) return false;
            String f = from.toLowerCase(java.util.Locale.ROOT);
            return f.contains("mailer-daemon");
        }

        private String readText(InputStream is, String charset) throws IOException {
            return readText(is, charset, limits.maxTextBytesPerPart());
        }

        private String readText(InputStream is, String charset, int max) throws IOException {
            Bytes bytes = Bytes.read(is, max);
            if (bytes.more()) fail("a text part is longer than " + max + " bytes; read its start", true);
            return Charsets.decode(bytes.bytes(), 0, bytes.length(), charset);
        }

        ParsedMessage result() {
            String text = plain.length() > 0 ? plain.toString() : HtmlText.toText(html.toString());
            if (partTypes.isEmpty() && preamble != null) {
                text = preamble;
                fail("multipart without its boundary: read as plain text", false);
            }
            DeliveryStatus dsn = sawDeliveryStatus
                    ? new DeliveryStatus(perMessage == null ? Headers.EMPTY : perMessage, perRecipient, global)
                    : null;
            if (top == null || top.isEmpty()) fail("no header fields: not an email message", false);
            return new ParsedMessage(top, topType, text, dsn, feedback, original, partTypes, truncated, problems,
                    attachedReport);
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** A field's value from its raw bytes, so 8-bit (UTF-8, GB2312, ...) headers decode too. */
    private static String valueOf(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) return EncodedWords.decode(field.getBody());
        // mime4j keeps a field's bytes in an array: read them there rather than copy them first
        byte[] bytes = raw instanceof ByteArrayBuffer buffer ? buffer.buffer() : raw.toByteArray();
        int length = raw.length();
        int colon = 0;
        while (colon < length && bytes[colon] != ':') colon++;
        if (colon >= length) return EncodedWords.decode(field.getBody());
        return EncodedWords.decodeRaw(bytes, colon + 1, length - colon - 1);
    }
}
