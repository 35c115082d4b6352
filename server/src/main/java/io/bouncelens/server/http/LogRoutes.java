package io.bouncelens.server.http;

import io.bouncelens.Lang;
import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.LogText;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/logs}: lines of a mail server's log (Postfix, Sendmail, Exim, qmail,
 * OpenSMTPD, PowerMTA, Exchange) as text give {@code {"lines":N,"results":[records]}}, a record per failed or deferred
 * recipient (with {@code ?all=true} the delivered ones too), each with its line's number as
 * {@code message}; at most {@link BounceIntake#MAX_RECORDS}, then {@code "truncated":true}. The same
 * reading as {@code bouncelens logs}.
 *
 * <p>With {@code ?store=true} the piece is also stored, as the SMTP intake stores a bounce: the
 * text as a message whose source is {@code log}, its records, and the suppressions the policy
 * draws from them, in one transaction, so that a mail team can feed its MTA's log to the
 * suppression list. A piece giving more records than the limit is refused whole rather than
 * stored in part.
 */
final class LogRoutes {

    private final int maxBodyBytes;
    private final BounceIntake intake;

    LogRoutes(int maxBodyBytes, BounceIntake intake) {
        this.maxBodyBytes = maxBodyBytes;
        this.intake = intake;
    }

    void diagnose(Context ctx) {
        Lang lang = QueryParams.lang(ctx);
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
        byte[] body = JsonBody.read(ctx, maxBodyBytes);
        String text = BodyText.decode(body, ctx.contentType());
        if (text.isBlank()) throw new ApiException(400, "the body is empty; send log lines as text/plain");
        LogText.Reading reading = LogText.read(text, lang, all, BounceIntake.MAX_RECORDS);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lines", reading.lines());
        answer.put("results", reading.records());
        if (reading.truncated()) answer.put("truncated", true);
        if (!QueryParams.stores(ctx)) {
            JsonBody.send(ctx, 200, answer);
            return;
        }
        // stored as UTF-8, the charset the stored log is read back and served in, whatever it came in
        PieceStorage.storeAndAnswer(ctx, intake, BounceIntake.LOG_SOURCE, text.getBytes(StandardCharsets.UTF_8), answer, reading.truncated(),
                "send the log in smaller pieces");
    }
}
