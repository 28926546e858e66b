package io.tickflow.adapters.gateway.hub;

/** A hub method's refusal: sent to the caller as the completion's {@code error}; the connection stays open. */
public final class HubMethodException extends Exception {
    private static final long serialVersionUID = 1L;

    public HubMethodException(String message) {
        super(message);
    }
}
