package io.tickflow.engine.model;

/**
 * An order's status as the gateway reports it. Codes are the ProjectX {@code OrderStatus}
 * values.
 */
public enum OrderStatus {
    NONE(0),
    OPEN(1),
    FILLED(2),
    CANCELLED(3),
    EXPIRED(4),
    REJECTED(5),
    PENDING(6),
    PENDING_CANCELLATION(7),
    SUSPENDED(8);

    private static final OrderStatus[] BY_CODE = values();

    private final int code;

    OrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** True once the order can no longer fill: filled, cancelled, expired or rejected. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == EXPIRED || this == REJECTED;
    }

    /**
     * @throws IllegalArgumentException for a code outside 0..8
     */
    public static OrderStatus fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown order status code " + code + " (expected 0..8)");
        }
        return BY_CODE[code];
    }
}
