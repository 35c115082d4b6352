package io.bouncelens.server.intake;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.decode.event.EventSource;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A webhook's body from a sending service (Amazon SES through SNS, SendGrid, Mailgun, Postmark,
 * SparkPost, Mandrill, Tencent Cloud SES):
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
     * The JSON a body holds: itself, or, for Mandrill, which posts its events form-encoded as
     * {@code mandrill_events=[...]}, that field's value decoded.
     */
    static byte[] json(byte[] body) {
        if (!isForm(body)) return body;
        String form = new String(body, StandardCharsets.US_ASCII); // a form's encoding is ASCII
        int end = form.indexOf('&');
        try {
            return URLDecoder.decode(form.substring(MANDRILL_FORM.length(), end < 0 ? form.length() : end),
                    StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return body; // a broken escape: read as it is, and refused as not JSON
        }
    }

    /** Whether the body is Mandrill's form ({@code mandrill_events=...}) rather than JSON. */
    public static boolean isForm(byte[] body) {
        return body.length >= MANDRILL_FORM.length()
                && new String(body, 0, MANDRILL_FORM.length(), StandardCharsets.US_ASCII).equals(MANDRILL_FORM);
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
