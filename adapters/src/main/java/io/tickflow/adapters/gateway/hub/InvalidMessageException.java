package io.tickflow.adapters.gateway.hub;

/** A client message that breaks the JSON hub protocol: the connection is closed with its message as the error. */
final class InvalidMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidMessageException(String message) {
        super(message);
    }

    InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
