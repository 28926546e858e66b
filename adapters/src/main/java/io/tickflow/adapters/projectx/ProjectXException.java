package io.tickflow.adapters.projectx;

/**
 * A call the service refused or could not answer: its endpoint, the service's error code
 * (from the envelope) or HTTP status, and its message. Never carries credentials.
 */
public class ProjectXException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int errorCode;
    private final int httpStatus;

    public ProjectXException(String endpoint, int httpStatus, int errorCode, String message, Throwable cause) {
        super(endpoint + ": " + message, cause);
        this.endpoint = endpoint;
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The envelope's errorCode, or 0 when the failure was not a business failure. */
    public int errorCode() {
        return errorCode;
    }

    /** The HTTP status, or 0 when no response came (timeout, connection failure). */
    public int httpStatus() {
        return httpStatus;
    }

    /** True when no answer came at all or the server failed (5xx): the command may or may not have happened. */
    public boolean outcomeUnknown() {
        return httpStatus == 0 || httpStatus >= 500;
    }

    /** The session ended because the same user signed in elsewhere: nothing is retried. */
    public static final class SessionEnded extends ProjectXException {
        private static final long serialVersionUID = 1L;

        public SessionEnded(String endpoint, String message) {
            super(endpoint, 401, 0, message, null);
        }
    }
}
