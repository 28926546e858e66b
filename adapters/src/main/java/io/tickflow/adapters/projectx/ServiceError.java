package io.tickflow.adapters.projectx;

import java.util.Locale;

/**
 * The envelope's {@code errorCode}, typed by endpoint family as the reference lists them:
 * each family is an enum with the service's integer codes. {@link #of} maps an endpoint and a
 * code to its value; {@link ProjectXException#refusal} turns that into the typed exception.
 * Immutable; allocation only on the failure path.
 */
public interface ServiceError {
    /** The service's integer code. */
    int code();

    /** The enum constant's name: {@code ContractNotFound}-style facts in upper snake case. */
    String name();

    /** Whether the service says the account is unknown (or not the user's). */
    default boolean accountNotFound() {
        return name().equals("ACCOUNT_NOT_FOUND");
    }

    /** Whether the service says the contract is unknown. */
    default boolean contractNotFound() {
        return name().equals("CONTRACT_NOT_FOUND");
    }

    /** {@code Auth/loginKey}, {@code Auth/loginApp}. */
    enum Login implements ServiceError {
        SUCCESS(0), USER_NOT_FOUND(1), PASSWORD_VERIFICATION_FAILED(2), INVALID_CREDENTIALS(3), APP_NOT_FOUND(4),
        APP_VERIFICATION_FAILED(5), INVALID_DEVICE(6), AGREEMENTS_NOT_SIGNED(7), UNKNOWN_ERROR(8),
        API_SUBSCRIPTION_NOT_FOUND(9), API_KEY_AUTHENTICATION_DISABLED(10);
        private final int code;
        Login(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Auth/validate}. */
    enum Validate implements ServiceError {
        SUCCESS(0), INVALID_SESSION(1), SESSION_NOT_FOUND(2), EXPIRED_TOKEN(3), UNKNOWN_ERROR(4);
        private final int code;
        Validate(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Auth/logout}. */
    enum Logout implements ServiceError {
        SUCCESS(0), INVALID_SESSION(1), UNKNOWN_ERROR(2);
        private final int code;
        Logout(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Order/search}, {@code Order/searchOpen}, {@code Position/searchOpen}, {@code Trade/search}. */
    enum AccountSearch implements ServiceError {
        SUCCESS(0), ACCOUNT_NOT_FOUND(1);
        private final int code;
        AccountSearch(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Contract/searchById}. */
    enum ContractLookup implements ServiceError {
        SUCCESS(0), CONTRACT_NOT_FOUND(1);
        private final int code;
        ContractLookup(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code History/retrieveBars}. */
    enum Bars implements ServiceError {
        SUCCESS(0), CONTRACT_NOT_FOUND(1), UNIT_INVALID(2), UNIT_NUMBER_INVALID(3), LIMIT_INVALID(4);
        private final int code;
        Bars(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Order/place}. */
    enum Place implements ServiceError {
        SUCCESS(0), ACCOUNT_NOT_FOUND(1), ORDER_REJECTED(2), INSUFFICIENT_FUNDS(3), ACCOUNT_VIOLATION(4),
        OUTSIDE_TRADING_HOURS(5), ORDER_PENDING(6), UNKNOWN_ERROR(7), CONTRACT_NOT_FOUND(8), CONTRACT_NOT_ACTIVE(9),
        ACCOUNT_REJECTED(10);
        private final int code;
        Place(int code) { this.code = code; }
        @Override public int code() { return code; }

        /**
         * Whether this refusal says the order was not placed. OrderPending (still being
         * processed) and UnknownError (the service does not know) say nothing of the kind: the
         * order may exist at the service all the same, so such an answer is as good as a lost one.
         */
        public boolean definite() {
            return this != ORDER_PENDING && this != UNKNOWN_ERROR;
        }
    }

    /** {@code Order/cancel}. */
    enum Cancel implements ServiceError {
        SUCCESS(0), ACCOUNT_NOT_FOUND(1), ORDER_NOT_FOUND(2), REJECTED(3), PENDING(4), UNKNOWN_ERROR(5),
        ACCOUNT_REJECTED(6);
        private final int code;
        Cancel(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Order/modify}: Cancel's codes plus 7 ContractNotFound. */
    enum Modify implements ServiceError {
        SUCCESS(0), ACCOUNT_NOT_FOUND(1), ORDER_NOT_FOUND(2), REJECTED(3), PENDING(4), UNKNOWN_ERROR(5),
        ACCOUNT_REJECTED(6), CONTRACT_NOT_FOUND(7);
        private final int code;
        Modify(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Position/closeContract}. */
    enum ClosePosition implements ServiceError {
        SUCCESS(0), ACCOUNT_NOT_FOUND(1), POSITION_NOT_FOUND(2), CONTRACT_NOT_FOUND(3), CONTRACT_NOT_ACTIVE(4),
        ORDER_REJECTED(5), ORDER_PENDING(6), UNKNOWN_ERROR(7), ACCOUNT_REJECTED(8);
        private final int code;
        ClosePosition(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** {@code Position/partialCloseContract}. */
    enum PartialClosePosition implements ServiceError {
        SUCCESS(0), ACCOUNT_NOT_FOUND(1), POSITION_NOT_FOUND(2), CONTRACT_NOT_FOUND(3), CONTRACT_NOT_ACTIVE(4),
        INVALID_CLOSE_SIZE(5), ORDER_REJECTED(6), ORDER_PENDING(7), UNKNOWN_ERROR(8), ACCOUNT_REJECTED(9);
        private final int code;
        PartialClosePosition(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /** Endpoints whose only documented code is 0 ({@code Account/search}, {@code Contract/search}, ...). */
    enum Undocumented implements ServiceError {
        SUCCESS(0);
        private final int code;
        Undocumented(int code) { this.code = code; }
        @Override public int code() { return code; }
    }

    /**
     * The typed code of {@code endpoint}'s family.
     *
     * @throws IllegalArgumentException if the family has no such code (the message names both)
     */
    static ServiceError of(String endpoint, int code) {
        ServiceError[] family = switch (endpoint.toLowerCase(Locale.ROOT)) {
            case "auth/loginkey", "auth/loginapp" -> Login.values();
            case "auth/validate" -> Validate.values();
            case "auth/logout" -> Logout.values();
            case "order/search", "order/searchopen", "position/searchopen", "trade/search" -> AccountSearch.values();
            case "contract/searchbyid" -> ContractLookup.values();
            case "history/retrievebars" -> Bars.values();
            case "order/place" -> Place.values();
            case "order/cancel" -> Cancel.values();
            case "order/modify" -> Modify.values();
            case "position/closecontract" -> ClosePosition.values();
            case "position/partialclosecontract" -> PartialClosePosition.values();
            default -> Undocumented.values();
        };
        for (ServiceError e : family) {
            if (e.code() == code) {
                return e;
            }
        }
        throw new IllegalArgumentException(endpoint + " has no error code " + code + " in the reference");
    }
}
