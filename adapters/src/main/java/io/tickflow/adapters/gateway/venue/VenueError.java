package io.tickflow.adapters.gateway.venue;

/** A business failure the gateway reports as {@code success:false} with this error code and message (HTTP 200). */
public final class VenueError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public VenueError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
