package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Gmail's older plain-text notices: "Delivery to the following recipient failed permanently:" or
 * "... has been delayed:", the indented addresses, then "Technical details of permanent failure:"
 * with "The error that the other server returned was: 550 ...", up to "----- Original message -----".
 * A delay notice that names no server answer ("Message will be retried for 2 more day(s)") is a
 * message still waiting when the report was written: expired, as far as the sender can act.
 */
public final class Gmail implements VendorFormat {

    private static final String[] START = {
            "Delivery to the following recipient failed permanently", "Delivery to the following recipients failed permanently",
            "Delivery to the following recipient has been delayed", "Delivery to the following recipients have been delayed",
            "Delivery to the following recipients has been delayed", "Delivery to the following recipient failed",
    };

    private static final String[] DETAILS = {"Technical details of permanent failure", "Technical details of temporary failure"};

    /** The headlined layout's signs of a notice sent while Gmail still retries. */
    private static final String[] DELAY_NOTICE = {"not delivered yet", "Gmail will retry", "** Message delayed"};

    private static final String[] END = {"----- Original message -----", "----- Message header follows -----"};

    @Override
    public String name() {
        return "gmail";
    }

    private static final String TECHNICAL = "Technical details of";
    private static final Signature SIGNATURE = new Signature(withAll(TECHNICAL, START), java.util.List.of())
            .orHeader("From", "google");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        boolean google = text.contains(TECHNICAL) || message.from().toLowerCase(java.util.Locale.ROOT).contains("google");
        if (!google) return false;
        if (message.header("X-Failed-Recipients") != null && message.text().strip().startsWith("** ")) return true;
        for (String s : START) if (text.contains(s)) return true;
        return false;
    }

    private static List<String> withAll(String first, String[] more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.add(0, first);
        return all;
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.findAny(0, START);
        if (start < 0) return headlined(message, text);
        boolean delayed = text.line(start).contains("delayed");
        int end = text.findAny(start, END);
        if (end < 0) end = text.size();
        int details = text.findAny(start, DETAILS);
        int recipientsEnd = details >= 0 && details < end ? details : end;

        List<String> recipients = new ArrayList<>();
        for (int i = start + 1; i < recipientsEnd && recipients.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String address = AddressScanner.wholeLine(text.line(i));
            if (address != null) recipients.add(address);
        }
        String said = details >= 0 && details < end ? text.join(details + 1, end) : "";
        int returned = said.indexOf("The error that the other server returned was:");
        String answer = returned >= 0 ? said.substring(returned + "The error that the other server returned was:".length()).strip() : said;

        List<Finding> out = new ArrayList<>();
        // Gmail says it could not connect only once it has stopped retrying.
        int refusal = answer.indexOf(NOT_ACCEPTED);
        boolean neverConnected = refusal >= 0;
        String tried = neverConnected ? triedHost(answer.substring(refusal + NOT_ACCEPTED.length())) : null;
        for (String r : recipients) {
            Finding f = Finding.ofBlock(r, answer);
            if (neverConnected) f = f.withHint(Reason.EXPIRED).withHost(tried);
            if (delayed) {
                f = f.delayed();
                if (f.replyCode() == null && f.status() == null) f = f.withHint(Reason.EXPIRED);
            }
            out.add(f);
        }
        return Finding.toRecipients(out);
    }

    private static final String NOT_ACCEPTED = "did not accept our requests to connect";

    /**
     * The first server Gmail says it tried, from its account of each attempt after the refusal:
     * {@code [mx.example.jp 192.0.2.1: timed out]} or {@code [(0) mx.example.jp. [192.0.2.1]:25:
     * socket error]}; null when it names none.
     */
    static String triedHost(String account) {
        int open = account.indexOf('[');
        if (open < 0) return null;
        String attempt = account.substring(open + 1).strip();
        if (attempt.startsWith("(")) {
            int close = attempt.indexOf(')');
            if (close < 0) return null;
            attempt = attempt.substring(close + 1);
        }
        return HostNames.firstToken(attempt);
    }

    /**
     * The newer layout: a headline such as {@code ** Address not found **} or
     * {@code ** Message not delivered **}, Google's explanation, then "The response from the remote
     * server was:" / "The response was:" and the answer; the addresses only in X-Failed-Recipients.
     * The same layout serves the delay notice ("** Message not delivered yet **", "Gmail will retry
     * for 47 more hours").
     */
    private static List<FailedRecipient> headlined(ParsedMessage message, ReportText text) {
        String failed = message.header("X-Failed-Recipients");
        if (failed == null) return List.of();
        int response = text.findAny(0, "The response from the remote server was:", "The response was:");
        String explanation = text.join(1, response < 0 ? Math.min(text.size(), 6) : response);
        String answer = response < 0 ? "" : text.join(response + 1, Math.min(text.size(), response + 8));
        String said = answer.isEmpty() ? explanation : answer + " (" + explanation + ")";
        // "** Message not delivered yet **": Gmail is still retrying
        boolean delayed = text.findAny(0, DELAY_NOTICE) >= 0;
        int refusal = said.indexOf(NOT_ACCEPTED);
        String tried = refusal < 0 ? null : triedHost(said.substring(refusal + NOT_ACCEPTED.length()));
        List<Finding> out = new ArrayList<>();
        int from = 0;
        while (out.size() < RecipientBlocks.MAX_RECIPIENTS) {
            String r = AddressScanner.firstFrom(failed, from);
            if (r == null) break;
            Finding f = Finding.ofBlock(r, said).withHost(tried);
            out.add(delayed ? f.delayed() : f);
            from = failed.indexOf(r, from) + r.length();
        }
        return Finding.toRecipients(out);
    }
}
