package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * MDaemon's "Permanent Delivery Failure" notice: "The attached message had PERMANENT fatal
 * delivery errors!", the addresses under "did NOT receive a copy of your message" (older
 * versions), and the SMTP session between "--- Session Transcript ---" and "--- End Transcript
 * ---", where newer versions mark the server's lines {@code <--} and their own {@code -->}, each
 * after a time stamp. The server's last refusal in the transcript is the diagnostic; with no
 * address listed, the transcript's {@code *  To:} line (or the last RCPT TO) names the recipient.
 */
public final class MDaemon implements VendorFormat {

    private static final String FATAL = "fatal delivery errors";
    private static final String TRANSCRIPT = "--- Session Transcript ---";
    private static final String END = "--- End Transcript ---";
    private static final String DID_NOT_RECEIVE = "did NOT receive a copy";
    private static final String FROM_SERVER = "<-- ";
    private static final String TO_SERVER = "--> ";

    private static final Signature SIGNATURE = Signature.inText(FATAL, TRANSCRIPT);

    @Override
    public String name() {
        return "mdaemon";
    }

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(FATAL) && text.contains(TRANSCRIPT);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(TRANSCRIPT);
        if (start < 0) return List.of();
        int end = text.find(END, start + 1);
        if (end < 0) end = text.size();

        String refusal = null;
        String command = null;
        String lastSent = null;
        String transcriptTo = null;
        String lastRcpt = null;
        String lastLine = null;
        for (int i = start + 1; i < end; i++) {
            String line = withoutTimeStamp(text.line(i).strip());
            if (!line.isEmpty()) lastLine = line;
            if (line.startsWith(TO_SERVER)) {
                lastSent = line.substring(TO_SERVER.length());
            } else if (line.startsWith("Sending (")) {
                lastSent = line.substring("Sending (".length()); // older versions: "Sending (RCPT To:<a@b>)"
            }
            if (lastSent != null && lastSent.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
                String rcpt = AddressScanner.first(lastSent);
                if (rcpt != null) lastRcpt = rcpt;
            }
            if (transcriptTo == null && line.startsWith("*") && line.substring(1).strip().regionMatches(true, 0, "To:", 0, 3)) {
                transcriptTo = AddressScanner.first(line);
            }
            String said = line.startsWith(FROM_SERVER) ? line.substring(FROM_SERVER.length()) : line;
            if (isRefusal(said)) {
                refusal = said;
                command = commandOf(lastSent);
            }
        }

        List<String> recipients = listed(text);
        if (recipients.isEmpty()) {
            String one = transcriptTo != null ? transcriptTo : lastRcpt;
            if (one != null) recipients.add(one);
        }
        // no server refused: MDaemon's own last line says what went wrong ("*  Name server reports
        // domain name unknown")
        String diagnostic = refusal;
        if (diagnostic == null && lastLine != null) diagnostic = lastLine.startsWith("*") ? lastLine.substring(1).strip() : lastLine;
        List<Finding> out = new ArrayList<>();
        for (String r : recipients) {
            Finding f = Finding.of(r, diagnostic);
            out.add(command == null ? f : f.withCommand(command));
        }
        return Finding.toRecipients(out);
    }

    /** The addresses under "did NOT receive a copy of your message:", up to the next blank line after them. */
    private static List<String> listed(ReportText text) {
        List<String> out = new ArrayList<>();
        int at = text.find(DID_NOT_RECEIVE);
        if (at < 0) return out;
        for (int i = at + 1; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            if (text.isBlank(i)) {
                if (out.isEmpty()) continue;
                break;
            }
            String address = AddressScanner.first(text.line(i));
            if (address == null) break;
            out.add(address);
        }
        return out;
    }

    /** "Wed 2025-03-19 09:15:02.583: <-- 552 ..." without its time stamp: the text after the first ": " when a digit comes before it. */
    private static String withoutTimeStamp(String line) {
        int colon = line.indexOf(": ");
        if (colon < 0 || colon > 40) return line;
        boolean digit = false;
        for (int i = 0; i < colon; i++) digit |= Character.isDigit(line.charAt(i));
        if (!digit || line.startsWith("4") || line.startsWith("5")) return line;
        return line.substring(colon + 2).strip();
    }

    /** A server line that refuses: a 4xx or 5xx reply code at its start. */
    private static boolean isRefusal(String line) {
        return line.length() >= 4 && (line.charAt(0) == '4' || line.charAt(0) == '5')
                && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2))
                && (line.charAt(3) == ' ' || line.charAt(3) == '-');
    }

    /** The SMTP command MDaemon sent last before the refusal, as the records name it. */
    private static String commandOf(String sent) {
        if (sent == null) return null;
        String s = sent.strip();
        if (s.regionMatches(true, 0, "RCPT", 0, 4)) return "RCPT";
        if (s.regionMatches(true, 0, "MAIL", 0, 4)) return "MAIL";
        if (s.regionMatches(true, 0, "DATA", 0, 4) || s.equals(".")) return "DATA";
        if (s.regionMatches(true, 0, "EHLO", 0, 4) || s.regionMatches(true, 0, "HELO", 0, 4)) return "EHLO";
        return null;
    }
}
