package io.bouncelens.classify;

import io.bouncelens.Actor;
import io.bouncelens.Reason;
import io.bouncelens.Retry;

/**
 * The classifier's verdict on one reply.
 *
 * @param reason       why it bounced
 * @param status       enhanced status code, from the structured field or read from the text
 * @param replyCode    SMTP reply code, from the structured field or read from the text
 * @param remoteHost   remote host, from the evidence or read from a wrapper such as
 *                     {@code the mta server of HOST(IP) reply:}
 * @param provider     provider whose reading decided, else the provider detected in text or host, or null
 * @param providerCode that provider's own code, or null
 * @param actor        who must act
 * @param retry        whether and when retrying helps
 * @param entryId      id of the knowledge-base entry that decided (the key to its advice)
 * @param matched      the words of the input the entry matched on, for the evidence field
 */
public record Classification(Reason reason, String status, Integer replyCode, String remoteHost,
                             String provider, String providerCode, Actor actor, Retry retry,
                             String entryId, String matched) {

    /** "entry id: matched words", as shown to users in the {@code evidence} field. */
    public String evidence() {
        if (entryId == null) return null;
        return matched == null || matched.isEmpty() ? entryId : entryId + ": " + matched;
    }
}
