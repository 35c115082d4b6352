package io.bouncelens.server.http;

import io.bouncelens.Lang;
import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.EventText;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/events}: the webhook of a sending service (Amazon SES through SNS, SendGrid,
 * Mailgun, Postmark, SparkPost, Mandrill, Tencent Cloud SES, Mailjet, Brevo, Resend, SMTP2GO, SendCloud, Elastic
 * Email, Aliyun DirectMail through EventBridge, Scaleway through its Topics and Events), as JSON or as a form ({@link EventText}), gives
 * {@code {"events":N,"results":[records]}}, a record per bounced or deferred recipient and per
 * complaint (with {@code ?all=true} the delivered ones too). With {@code ?store=true} the body,
 * its records and the suppressions the policy draws from them are stored in one transaction, as
 * the SMTP intake stores a bounce: pointed at this URL, a service feeds the suppression list. A
 * body that is neither valid JSON nor a form is refused with 400 and nothing is stored; an SNS
 * subscription confirmation is logged with its URL, for whoever runs the server to open (the
 * server fetches nothing itself). {@code GET /api/v1/events?...} takes one event's fields from its
 * query, as Elastic Email sends its notifications, and reads them as the same fields posted as a form.
 */
final class EventRoutes {

    /** This API's own query parameters; in a GET the others are the event's fields. */
    private static final Set<String> OWN_PARAMETERS = Set.of("lang", "all", "store");

    private final int maxBodyBytes;
    private final BounceIntake intake;

    EventRoutes(int maxBodyBytes, BounceIntake intake) {
        this.maxBodyBytes = maxBodyBytes;
        this.intake = intake;
    }

    void receive(Context ctx) {
        answer(ctx, JsonBody.read(ctx, maxBodyBytes));
    }

    /**
     * {@code GET /api/v1/events?to=...&status=...}: a service that notifies by the query of a GET
     * (Elastic Email) gives one event's fields there; read as the same fields posted as a form.
     */
    void receiveQuery(Context ctx) {
        byte[] fields = eventFields(ctx.queryString());
        if (fields.length == 0) {
            throw new ApiException(400, "a GET names one event's fields in its query (to=...&status=...); post a service's JSON instead");
        }
        answer(ctx, fields);
    }

    private void answer(Context ctx, byte[] body) {
        Lang lang = QueryParams.lang(ctx);
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
        EventText.Reading reading = EventText.read(body, lang, all, BounceIntake.MAX_RECORDS);
        if (!reading.problems().isEmpty()) throw new ApiException(400, reading.problems().get(0));
        if (reading.events() == 0) throw new ApiException(400, "the body holds no event; send the service's JSON");
        // as the server's other messages for whoever runs it go
        for (String notice : reading.notices()) System.err.println("bouncelens: " + ctx.method() + " /api/v1/events: " + notice);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", reading.events());
        answer.put("results", reading.records());
        if (!reading.notices().isEmpty()) answer.put("notices", reading.notices());
        if (reading.truncated()) answer.put("truncated", true);
        if (!QueryParams.stores(ctx) || reading.records().isEmpty() && reading.deliveredTo().isEmpty()) {
            // (a body of opens and clicks, or a subscription to confirm, leaves nothing to keep)
            JsonBody.send(ctx, 200, answer);
            return;
        }
        PieceStorage.storeAndAnswer(ctx, intake, BounceIntake.EVENT_SOURCE, body, answer, reading.truncated(),
                "send fewer per request");
    }

    /**
     * The pairs of a query string other than this API's own ({@code lang}, {@code all},
     * {@code store}), still escaped, joined as a form's body; empty when none is left.
     */
    private static byte[] eventFields(String query) {
        if (query == null) return new byte[0];
        StringBuilder out = new StringBuilder();
        for (int start = 0; start <= query.length(); ) {
            int end = query.indexOf('&', start);
            if (end < 0) end = query.length();
            String pair = query.substring(start, end);
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!pair.isEmpty() && !OWN_PARAMETERS.contains(name)) {
                if (out.length() > 0) out.append('&');
                out.append(pair);
            }
            start = end + 1;
        }
        return out.toString().getBytes(StandardCharsets.UTF_8); // a query is ASCII; anything else is refused as no form
    }
}
