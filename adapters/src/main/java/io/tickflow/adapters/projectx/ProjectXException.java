package io.tickflow.adapters.projectx;

/**
 * A call the service refused or could not answer: its endpoint, the service's error code
 * (from the envelope) or HTTP status, and its message. A business failure is one of the typed
 * subclasses made by {@link #refusal}: {@link AccountNotFound}, {@link ContractNotFound},
 * {@link OrderRejected} (any other {@code Order/place} refusal), or {@link Refused}, each with
 * its endpoint family's {@link ServiceError}. Never carries credentials.
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

    /**
     * True when no answer came at all, the server failed (5xx), or the service answered that it
     * does not know (an uncertain {@code Order/place} code, see {@link ServiceError.Place#definite},
     * or one the reference does not list): the command may or may not have happened.
     */
    public boolean outcomeUnknown() {
        return httpStatus == 0 || httpStatus >= 500;
    }

    /** The typed errorCode of a business failure, or null for transport failures (HTTP errors, no answer). */
    public ServiceError reason() {
        return null;
    }

    /**
     * The typed exception for a {@code success:false} answer of {@code endpoint}: the code is
     * looked up in the endpoint's family; a code the reference does not list stays untyped.
     */
    public static ProjectXException refusal(String endpoint, int errorCode, String message) {
        ServiceError reason;
        try {
            reason = ServiceError.of(endpoint, errorCode);
        } catch (IllegalArgumentException e) {
            return new UnlistedCode(endpoint, errorCode, message + " (" + e.getMessage() + ")");
        }
        if (reason.accountNotFound()) {
            return new AccountNotFound(endpoint, reason, message);
        }
        if (reason.contractNotFound()) {
            return new ContractNotFound(endpoint, reason, message);
        }
        if (reason instanceof ServiceError.Place place) {
            return new OrderRejected(endpoint, place, message);
        }
        return new Refused(endpoint, reason, message);
    }

    /** The service answered {@code success:false}: a refusal with its typed code. */
    public static class Refused extends ProjectXException {
        private static final long serialVersionUID = 1L;
        private final transient ServiceError reason;

        Refused(String endpoint, ServiceError reason, String message) {
            super(endpoint, 200, reason.code(), message + " [" + reason.name() + "]", null);
            this.reason = reason;
        }

        @Override
        public ServiceError reason() {
            return reason;
        }
    }

    /** The service does not know the account (or it is not this user's). */
    public static final class AccountNotFound extends Refused {
        private static final long serialVersionUID = 1L;

        AccountNotFound(String endpoint, ServiceError reason, String message) {
            super(endpoint, reason, message);
        }
    }

    /** The service does not know the contract. */
    public static final class ContractNotFound extends Refused {
        private static final long serialVersionUID = 1L;

        ContractNotFound(String endpoint, ServiceError reason, String message) {
            super(endpoint, reason, message);
        }
    }

    /** {@code Order/place} refused the order (other than for an unknown account or contract). */
    public static final class OrderRejected extends Refused {
        private static final long serialVersionUID = 1L;

        OrderRejected(String endpoint, ServiceError.Place reason, String message) {
            super(endpoint, reason, message);
        }

        @Override
        public ServiceError.Place reason() {
            return (ServiceError.Place) super.reason();
        }

        /** OrderPending and UnknownError do not say the order was not placed. */
        @Override
        public boolean outcomeUnknown() {
            return !reason().definite();
        }
    }

    /**
     * A {@code success:false} whose code the endpoint's enum in the reference does not have:
     * untyped. For {@code Order/place} it does not say the order was not placed, so its outcome
     * counts as unknown.
     */
    public static final class UnlistedCode extends ProjectXException {
        private static final long serialVersionUID = 1L;

        UnlistedCode(String endpoint, int errorCode, String message) {
            super(endpoint, 200, errorCode, message, null);
        }

        @Override
        public boolean outcomeUnknown() {
            return endpoint().equalsIgnoreCase("Order/place");
        }
    }

    /** A command held on this side past its deadline and never sent: it certainly did not happen. */
    public static final class NotSent extends ProjectXException {
        private static final long serialVersionUID = 1L;

        public NotSent(String endpoint, String message) {
            super(endpoint, 0, 0, message, null);
        }

        @Override
        public boolean outcomeUnknown() {
            return false;
        }
    }

    /** The session ended because the same user signed in elsewhere: nothing is retried. */
    public static final class SessionEnded extends ProjectXException {
        private static final long serialVersionUID = 1L;

        public SessionEnded(String endpoint, String message) {
            super(endpoint, 401, 0, message, null);
        }
    }
}
