package io.bouncelens.decode.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.bouncelens.decode.DecodedReport;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The events in a stream of sending services' JSON (Amazon SES, SendGrid, Mailgun, Postmark,
 * SparkPost, Mandrill, Tencent Cloud SES, Mailjet, Brevo, Resend, SMTP2GO, SendCloud, Elastic Email,
 * Aliyun DirectMail through EventBridge, Scaleway Transactional Email):
 * one event, an array of them (as SendGrid posts them), or one per line; an SNS envelope (Amazon's
 * around an SES notification, Scaleway's around its webhooks) is opened. Each JSON object is one event, numbered from 1, read one
 * at a time, so a file of millions takes the memory of one. JSON that cannot be parsed ends the
 * stream with one problem naming where.
 */
public final class EventSource implements Iterator<EventSource.Event>, AutoCloseable {

    /**
     * One event.
     *
     * @param number  its place in the stream, from 1
     * @param report  what it says of its recipients; null for an event of no delivery outcome or of no known format
     * @param problem a one-line description of what could not be read, else null
     * @param notice  a one-line message for whoever runs the receiver (an SNS subscription to confirm), else null
     */
    public record Event(int number, DecodedReport report, String problem, String notice) {

        static Event of(int number, DecodedReport report) {
            return new Event(number, report, null, null);
        }

        static Event failed(int number, String problem) {
            return new Event(number, null, problem, null);
        }
    }

    /** An event is a few kilobytes; SNS wraps one of at most 256 KiB in a string. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).maxNestingDepth(64)
                    .maxNumberLength(64).build())
            .build();

    /**
     * Each knows its events by fields no other service writes, so their order decides nothing
     * (EventSourceTest holds every service's fixture events to one format).
     */
    static final List<EspFormat> FORMATS = List.of(new AmazonSesEvent(), new SendGridEvent(), new MailgunEvent(),
            new PostmarkEvent(), new SparkPostEvent(), new MandrillEvent(), new TencentSesEvent(), new MailjetEvent(),
            new BrevoEvent(), new ResendEvent(), new Smtp2GoEvent(), new SendCloudEvent(), new ElasticEmailEvent(),
            new AliyunDirectMailEvent(), new ScalewayTemEvent());

    private final InputStream in;
    /** Made at the first read: making it reads the first bytes to tell the encoding, which may fail. */
    private JsonParser parser;
    private int number;
    private boolean inArray;
    private boolean finished;
    private Event next;

    public EventSource(InputStream in) {
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) next = advance();
        return next != null;
    }

    @Override
    public Event next() {
        if (!hasNext()) throw new NoSuchElementException();
        Event e = next;
        next = null;
        return e;
    }

    private Event advance() {
        int attempt = number + 1; // the number a problem in what follows belongs to
        try {
            if (parser == null) parser = FACTORY.createParser(in);
            JsonToken t = parser.nextToken();
            while (t == JsonToken.END_ARRAY && inArray) {
                inArray = false;
                t = parser.nextToken();
            }
            if (t == null) {
                finished = true;
                return null;
            }
            if (t == JsonToken.START_ARRAY && !inArray) {
                inArray = true; // SendGrid's batch: its elements are the events
                return advance();
            }
            number++;
            Object value = JsonTree.read(parser);
            if (!(value instanceof Map<?, ?>)) return Event.failed(number, "not a JSON object");
            @SuppressWarnings("unchecked") Map<String, Object> event = (Map<String, Object>) value;
            return read(number, event);
        } catch (JsonProcessingException e) {
            finished = true;
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Event.failed(attempt, "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            finished = true; // bytes that look like UTF-32 or UTF-16 but are not
            return Event.failed(attempt, "not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            finished = true;
            return Event.failed(attempt, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** One event object: an SNS envelope opened, then the first format that knows it. */
    static Event read(int number, Map<String, Object> event) {
        String snsType = Json.text(event, "Type");
        if (snsType != null && event.containsKey("TopicArn")) {
            if (snsType.equals("SubscriptionConfirmation")) {
                // Scaleway's Topics and Events speaks SNS; its topics are named arn:scw:sns:...
                String topic = Json.text(event, "TopicArn");
                String service = topic != null && topic.startsWith("arn:scw:") ? "a Scaleway Topics and Events" : "an Amazon SNS";
                return new Event(number, null, null, service + " subscription confirmation: to receive its "
                        + "notifications, open its SubscribeURL " + Json.text(event, "SubscribeURL"));
            }
            String message = Json.text(event, "Message");
            if (message == null) return Event.of(number, null);
            try (JsonParser inner = FACTORY.createParser(message)) {
                if (inner.nextToken() != JsonToken.START_OBJECT) return Event.of(number, null);
                Object value = JsonTree.read(inner);
                @SuppressWarnings("unchecked") Map<String, Object> notification = (Map<String, Object>) value;
                event = notification;
            } catch (IOException e) {
                return Event.failed(number, "its SNS Message is not valid JSON");
            }
        }
        for (EspFormat f : FORMATS) {
            if (f.recognises(event)) return Event.of(number, f.read(event));
        }
        return Event.of(number, null);
    }

    @Override
    public void close() {
        if (parser == null) return;
        try {
            parser.close();
        } catch (IOException ignored) {
            // only read from
        }
    }
}
