package io.bouncelens.read;

/**
 * One message as read from a file, a mailbox or stdin: its bytes (at most the size limit) and
 * where it came from. A message that could not be read at all carries an {@code error} instead.
 *
 * @param file      the path as the user gave it (a file inside a given directory: that path joined),
 *                  {@code -} for stdin
 * @param index     1-based number of the message within its file (always 1 for a single message)
 * @param bytes     the message, without the mbox {@code From } line and with {@code >From} unquoted
 * @param truncated true when the message was longer than the limit and only its start was kept
 * @param error     why nothing could be read, or null
 * @param lfOnly    true when every line end in {@code bytes} is known to be LF (an mbox's messages,
 *                  normalised as they were split), so the parser need not look for CRs again
 */
public record InputMessage(String file, int index, byte[] bytes, boolean truncated, String error, boolean lfOnly) {

    /** A message as read, its line ends not known. */
    public InputMessage(String file, int index, byte[] bytes, boolean truncated, String error) {
        this(file, index, bytes, truncated, error, false);
    }

    public static InputMessage failed(String file, String error) {
        return new InputMessage(file, 1, new byte[0], false, error);
    }
}
