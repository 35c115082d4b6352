package io.bouncelens.classify;

/** A knowledge-base file that cannot be read or compiled; the message names file and line. */
public final class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(String message) {
        super(message);
    }
}
