package io.bouncelens.server.store;

/** The store could not be opened or could not complete an operation; the message is fit for users. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
