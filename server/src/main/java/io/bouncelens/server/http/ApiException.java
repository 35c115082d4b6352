package io.bouncelens.server.http;

/** An error the API answers with a status and a one-line JSON message. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
