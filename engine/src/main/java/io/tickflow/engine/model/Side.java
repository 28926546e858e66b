package io.tickflow.engine.model;

/**
 * The side of an order, fill or trade print. Codes are the ProjectX {@code OrderSide} values
 * (0 = Bid = buy, 1 = Ask = sell).
 */
public enum Side {
    BUY(0),
    SELL(1);

    private final int code;

    Side(int code) {
        this.code = code;
    }

    /** The ProjectX {@code OrderSide} code. */
    public int code() {
        return code;
    }

    /** +1 for a buy, -1 for a sell: the sign a fill of this side adds to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * @throws IllegalArgumentException for any code but 0 and 1
     */
    public static Side fromCode(int code) {
        switch (code) {
            case 0:
                return BUY;
            case 1:
                return SELL;
            default:
                throw new IllegalArgumentException("unknown side code " + code + " (expected 0 = buy, 1 = sell)");
        }
    }
}
