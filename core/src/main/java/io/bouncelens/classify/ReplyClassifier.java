package io.bouncelens.classify;

/**
 * Decides the reason for one failure from its reply text and codes. Implementations are
 * thread-safe and do no I/O per call.
 */
public interface ReplyClassifier {

    Classification classify(ReplyEvidence evidence);
}
