package io.bouncelens.decode;

import java.util.List;

/**
 * What the decoder read of one message, immutable: the view every report format works from. The
 * returned original contributes only its headers; its body and attachments are never kept.
 *
 * @param headers         top-level headers, RFC 2047 words decoded
 * @param mimeType        top-level media type, lower case ({@code multipart/report}, {@code text/plain})
 * @param text            the human-readable text of the report: its text/plain parts decoded to Unicode
 *                        and joined by a blank line, or its HTML parts reduced to text when it has no
 *                        plain part; lines end in {@code \n}
 * @param deliveryStatus  the RFC 3464 / RFC 6533 report, or null when the message carries none
 * @param feedbackReport  the fields of an RFC 5965 {@code message/feedback-report}, or null
 * @param originalHeaders headers of the returned original (message/rfc822 or text/rfc822-headers), or null
 * @param partTypes       media types of the report's own parts, in order (not those inside the original)
 * @param truncated       true when a {@link Limits} bound cut the message: the rest was not read
 * @param problems        one-line descriptions of what could not be read, empty when all went well
 * @param attachedReports the attached messages that are themselves bounce reports (a gateway's
 *                        wrapper, a forwarded bounce, a digest of bounces), each parsed, in order;
 *                        empty when there is none
 */
public record ParsedMessage(Headers headers, String mimeType, String text, DeliveryStatus deliveryStatus,
                            Headers feedbackReport, Headers originalHeaders, List<String> partTypes,
                            boolean truncated, List<String> problems, List<ParsedMessage> attachedReports,
                            Headers disposition) {

    /** A message without an attached report or a disposition notification. */
    public ParsedMessage(Headers headers, String mimeType, String text, DeliveryStatus deliveryStatus,
                         Headers feedbackReport, Headers originalHeaders, List<String> partTypes,
                         boolean truncated, List<String> problems) {
        this(headers, mimeType, text, deliveryStatus, feedbackReport, originalHeaders, partTypes, truncated, problems, List.of(),
                null);
    }

    public ParsedMessage {
        headers = headers == null ? Headers.EMPTY : headers;
        mimeType = mimeType == null ? "text/plain" : mimeType;
        text = text == null ? "" : text;
        partTypes = List.copyOf(partTypes);
        problems = List.copyOf(problems);
        attachedReports = attachedReports == null ? List.of() : List.copyOf(attachedReports);
    }

    /** The first attached report, or null. */
    public ParsedMessage attachedReport() {
        return attachedReports.isEmpty() ? null : attachedReports.get(0);
    }

    /** The first value of a top-level header, or null. */
    public String header(String name) {
        return headers.first(name);
    }

    public String subject() {
        String s = headers.first("Subject");
        return s == null ? "" : s;
    }

    /** The top-level From header as written (display name included), or empty. */
    public String from() {
        String s = headers.first("From");
        return s == null ? "" : s;
    }

    /** True when one of the report's own parts has this media type. */
    public boolean hasPart(String mediaType) {
        for (String t : partTypes) if (t.equalsIgnoreCase(mediaType)) return true;
        return false;
    }

    /** This view marked as cut short by a limit applied before parsing, with that problem first. */
    public ParsedMessage cutAt(String problem) {
        java.util.List<String> all = new java.util.ArrayList<>(problems.size() + 1);
        all.add(problem);
        all.addAll(problems);
        return new ParsedMessage(headers, mimeType, text, deliveryStatus, feedbackReport, originalHeaders,
                partTypes, true, all, attachedReports, disposition);
    }

    /** The returned original's headers, empty when it was not returned. */
    public Headers original() {
        return originalHeaders == null ? Headers.EMPTY : originalHeaders;
    }
}
