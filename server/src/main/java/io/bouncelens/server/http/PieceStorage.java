package io.bouncelens.server.http;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.store.IncomingMessage;
import io.bouncelens.server.store.StoreOutcome;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * The end of a {@code ?store=true} request of the log and event routes: the body stored as the
 * SMTP intake stores a bounce (the text as a message of its source, its records, the suppressions
 * they cause, in one transaction), answered {@code 201} with what storing did. A body whose
 * records did not all fit in the answer is refused whole rather than stored in part.
 */
final class PieceStorage {

    private PieceStorage() {
    }

    /**
     * @param answer     what the route answers without storing; gets {@code "stored"}
     * @param truncated  whether the reading left records out
     * @param whatToSend how to send less, for the refusal ("send the log in smaller pieces")
     */
    static void storeAndAnswer(Context ctx, BounceIntake intake, String source, byte[] body,
                               Map<String, Object> answer, boolean truncated, String whatToSend) {
        if (truncated) {
            throw new ApiException(413, "this gives more than " + BounceIntake.MAX_RECORDS
                    + " records; nothing was stored: " + whatToSend);
        }
        StoreOutcome outcome = intake.accept(new IncomingMessage(source, "", List.of(), body));
        answer.put("stored", Map.of("message", outcome.messageId(), "records", outcome.bounceIds().size(),
                "suppressed", outcome.suppressed()));
        JsonBody.send(ctx, 201, answer);
    }
}
