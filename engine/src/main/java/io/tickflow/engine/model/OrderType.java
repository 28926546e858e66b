package io.tickflow.engine.model;

/**
 * The order types the gateway supports. Codes are the ProjectX {@code OrderType} values.
 */
public enum OrderType {
    UNKNOWN(0),
    LIMIT(1),
    MARKET(2),
    STOP_LIMIT(3),
    STOP(4),
    TRAILING_STOP(5),
    JOIN_BID(6),
    JOIN_ASK(7);

    private static final OrderType[] BY_CODE = values();

    private final int code;

    OrderType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException for a code outside 0..7
     */
    public static OrderType fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown order type code " + code + " (expected 0..7)");
        }
        return BY_CODE[code];
    }
}
