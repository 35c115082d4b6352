package io.bouncelens;

import io.bouncelens.decode.MessageKind;

import java.util.List;

/**
 * Everything learnt from one message: what it is, one record per recipient it reports, and what
 * could not be read.
 *
 * @param file      the path as given (null for a stream)
 * @param message   1-based number of the message inside its file or stream
 * @param kind      bounce, delivered, feedback, vacation or not-bounce
 * @param subject   the subject shown for it (the original's, else the report's)
 * @param records   one per recipient; empty for a message that is not a bounce
 * @param truncated a limit cut the message
 * @param problems  one-line descriptions of what could not be read; empty when all went well
 * @param unread    nothing could be read at all (a missing or empty file): no message, only its problem
 * @param decodedBy which format read it, or what the message was recognised as when it is no bounce
 *                  ({@code read-receipt}, {@code challenge-response}); null when nothing recognised it
 */
public record MessageDiagnosis(String file, int message, MessageKind kind, String subject,
                               List<BounceRecord> records, boolean truncated, List<String> problems,
                               boolean unread, String decodedBy) {

    public MessageDiagnosis {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** A message that was read (perhaps only in part), {@code decodedBy} as the decoder said. */
    public MessageDiagnosis(String file, int message, MessageKind kind, String subject,
                            List<BounceRecord> records, boolean truncated, List<String> problems, String decodedBy) {
        this(file, message, kind, subject, records, truncated, problems, false, decodedBy);
    }

    /** A message that was read (perhaps only in part). */
    public MessageDiagnosis(String file, int message, MessageKind kind, String subject,
                            List<BounceRecord> records, boolean truncated, List<String> problems) {
        this(file, message, kind, subject, records, truncated, problems, false, null);
    }

    /** An input that could not be read at all: it counts as an error, not as a message. */
    public static MessageDiagnosis unreadable(String file, int message, String problem) {
        return new MessageDiagnosis(file, message, MessageKind.NOT_BOUNCE, null, List.of(), true, List.of(problem), true, null);
    }
}
