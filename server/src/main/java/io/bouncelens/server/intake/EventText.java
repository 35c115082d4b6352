package io.bouncelens.server.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.event.EventSource;
import io.bouncelens.server.json.RecordJson;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A webhook's body from a sending service (Amazon SES through SNS, SendGrid, Mailgun, Postmark,
 * SparkPost, Mandrill, Tencent Cloud SES, Mailjet, Brevo, Resend, SMTP2GO, SendCloud, Elastic Email, Aliyun
 * DirectMail through EventBridge), as JSON or as a form:
 * a record per bounced, deferred or delivered recipient and per complaint, each with its event's
 * number in the body as {@code message}, as {@code bouncelens events} reads a file.
 */
public final class EventText {

    /**
     * What reading a body gave.
     *
     * @param events      events read
     * @param deliveredTo the addresses delivered to, each once, as {@link LogText.Reading#deliveredTo}
     * @param problems    what could not be read, one line each
     * @param notices     messages for whoever runs the receiver (an SNS subscription to confirm)
     * @param truncated   whether records were left out to keep within the limit
     */
    public record Reading(int events, List<BounceRecord> records, List<String> deliveredTo, List<String> problems,
                          List<String> notices, boolean truncated) {
        public Reading {
            records = List.copyOf(records);
            deliveredTo = List.copyOf(deliveredTo);
            problems = List.copyOf(problems);
            notices = List.copyOf(notices);
        }
    }

    private EventText() {
    }

    private static final String MANDRILL_FORM = "mandrill_events=";

    /**
     * The JSON a body holds: itself; for Mandrill, which posts its events form-encoded as
     * {@code mandrill_events=[...]}, that field's value decoded; for a service that posts one
     * event as a form of its fields ({@code event=invalid&recipient=...&subStat=406}, as SendCloud's
     * WebHook does by default), those fields as one JSON object of strings, which the formats read
     * as they read JSON's (a number written as digits included).
     */
    static byte[] json(byte[] body) {
        if (isMandrillForm(body)) {
            String form = new String(body, StandardCharsets.US_ASCII); // a form's encoding is ASCII
            int end = form.indexOf('&');
            try {
                return URLDecoder.decode(form.substring(MANDRILL_FORM.length(), end < 0 ? form.length() : end),
                        StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return body; // a broken escape: read as it is, and refused as not JSON
            }
        }
        if (!isFieldForm(body)) return body;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            String form = new String(body, StandardCharsets.US_ASCII).strip();
            for (int start = 0; start < form.length(); ) {
                int end = form.indexOf('&', start);
                if (end < 0) end = form.length();
                int eq = form.indexOf('=', start); // within the pair: isFieldForm saw one in each
                fields.put(URLDecoder.decode(form.substring(start, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(form.substring(eq + 1, end), StandardCharsets.UTF_8));
                start = end + 1;
            }
            return RecordJson.mapper().writeValueAsBytes(fields);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return body; // a broken escape: read as it is, and refused as not JSON
        }
    }

    /**
     * Whether the body is a form rather than JSON: Mandrill's ({@code mandrill_events=...}) or one
     * event's fields ({@code name=value&...}).
     */
    public static boolean isForm(byte[] body) {
        return isMandrillForm(body) || isFieldForm(body);
    }

    private static boolean isMandrillForm(byte[] body) {
        return body.length >= MANDRILL_FORM.length()
                && new String(body, 0, MANDRILL_FORM.length(), StandardCharsets.US_ASCII).equals(MANDRILL_FORM);
    }

    /**
     * Whether the body is {@code name=value} pairs joined by {@code &}: names of letters, digits,
     * {@code _}, {@code .}, {@code -} and escapes, values of printable ASCII without {@code &},
     * {@code =} or spaces (a form escapes the rest), trailing white space allowed. JSON never is: it opens
     * with a bracket, a brace, a quote, a digit or a bare word without {@code =}.
     */
    static boolean isFieldForm(byte[] body) {
        int end = body.length;
        while (end > 0 && (body[end - 1] == '\n' || body[end - 1] == '\r' || body[end - 1] == ' ' || body[end - 1] == '\t')) end--;
        if (end == 0) return false;
        boolean inName = true;
        int nameLength = 0;
        for (int i = 0; i < end; i++) {
            byte b = body[i];
            if (inName) {
                if (b == '=' && nameLength > 0) {
                    inName = false;
                } else if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                        || b == '_' || b == '.' || b == '-' || b == '%') {
                    nameLength++;
                } else {
                    return false;
                }
            } else if (b == '&') {
                inName = true;
                nameLength = 0;
            } else if (b <= 0x20 || b >= 0x7f || b == '=') {
                return false;
            }
        }
        return !inName;
    }

    /** @param all whether delivered recipients give records too */
    public static Reading read(byte[] body, Lang lang, boolean all, int maxRecords) {
        Bouncelens bouncelens = Bouncelens.standard();
        List<BounceRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        Set<String> deliveredTo = new LinkedHashSet<>();
        int events = 0;
        try (EventSource source = new EventSource(new ByteArrayInputStream(json(body)))) {
            while (source.hasNext()) {
                EventSource.Event e = source.next();
                if (e.problem() != null) {
                    problems.add("event " + e.number() + ": " + e.problem());
                    continue;
                }
                events++;
                if (e.notice() != null) notices.add(e.notice());
                for (BounceRecord r : bouncelens.eventRecords(e.report(), lang, null, e.number())) {
                    if (LogText.delivered(r, deliveredTo) && !all) continue;
                    if (records.size() == maxRecords) {
                        return new Reading(events, records, List.copyOf(deliveredTo), problems, notices, true);
                    }
                    records.add(r);
                }
            }
        }
        return new Reading(events, records, List.copyOf(deliveredTo), problems, notices, false);
    }
}
