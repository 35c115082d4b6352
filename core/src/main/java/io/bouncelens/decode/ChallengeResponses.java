package io.bouncelens.decode;

import java.util.Locale;

/**
 * Recognises a challenge-response system's request to confirm the sender (TMDA's "Please confirm
 * your message"). It holds the mail until the sender answers: no bounce, and no out-of-office
 * either, though TMDA marks it {@code Auto-Submitted: auto-replied (confirm)} as RFC 3834 asks.
 * Known by TMDA's own marks only, since its users' ordinary mail carries
 * {@code X-Delivery-Agent: TMDA} too: the confirmation's Auto-Submitted comment, or a
 * Message-ID TMDA made for it ({@code <...TMDA@host>}).
 */
public final class ChallengeResponses {

    private ChallengeResponses() {
    }

    public static boolean recognises(ParsedMessage m) {
        String autoSubmitted = m.header("Auto-Submitted");
        if (autoSubmitted != null) {
            String a = autoSubmitted.toLowerCase(Locale.ROOT);
            if (a.startsWith("auto-replied") && a.contains("(confirm")) return true;
        }
        String agent = m.header("X-Delivery-Agent");
        if (agent == null || !agent.strip().regionMatches(true, 0, "TMDA", 0, 4)) return false;
        String messageId = m.header("Message-ID");
        return messageId != null && messageId.toUpperCase(Locale.ROOT).contains(".TMDA@");
    }
}
