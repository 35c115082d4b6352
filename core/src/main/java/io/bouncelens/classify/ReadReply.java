package io.bouncelens.classify;

/**
 * A reply as the classifier sees it after {@link ReplyReader}: relays' wrappers removed, codes
 * read out of the text.
 *
 * @param text       the text to match against (a relay's wrapper removed)
 * @param replyCode  the SMTP reply code written in the text, or null
 * @param status     the enhanced status code written in the text, or null
 * @param remoteHost the host a wrapper or a {@code host X said:} prefix names, or null
 * @param command    the SMTP command an {@code (in reply to ... command)} note names, or null
 */
record ReadReply(String text, Integer replyCode, EnhancedStatus status, String remoteHost, String command) {
}
