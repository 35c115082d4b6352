package io.bouncelens.eval;

/**
 * One labeled recipient of a labeled bounce, a row of a labels TSV (the columns of the shared
 * corpus: file, index, recipient, reason, status, replycode, hardbounce, feedbacktype).
 *
 * @param file      the message's path, matched as a suffix of the diagnosed path
 * @param index     1-based position of this recipient among the message's records
 * @param recipient the failed address
 * @param reason    the expected reason name
 * @param status    the expected enhanced status, empty when not labeled
 * @param hardBounce the expected hardBounce, null when not labeled
 */
public record Label(String file, int index, String recipient, String reason, String status, Boolean hardBounce) {
}
