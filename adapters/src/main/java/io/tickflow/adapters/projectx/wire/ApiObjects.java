package io.tickflow.adapters.projectx.wire;

import java.math.BigDecimal;

/**
 * The gateway's objects exactly as they travel (REST payloads and hub events): records whose
 * component names are the wire's field names, serialized by Jackson with nulls kept.
 */
public final class ApiObjects {
    private ApiObjects() {
    }

    public record Account(long id, String name, BigDecimal balance, boolean canTrade, boolean isVisible,
                          boolean simulated) {
    }

    public record Contract(String id, String name, String description, BigDecimal tickSize, BigDecimal tickValue,
                           boolean activeContract, String symbolId) {
    }

    public record Order(long id, long accountId, String contractId, String symbolId, String creationTimestamp,
                        String updateTimestamp, int status, int type, int side, long size, BigDecimal limitPrice,
                        BigDecimal stopPrice, long fillVolume, BigDecimal filledPrice, String customTag) {
    }

    public record Position(long id, long accountId, String contractId, String contractDisplayName,
                           String creationTimestamp, int type, long size, BigDecimal averagePrice) {
    }

    public record Trade(long id, long accountId, String contractId, String creationTimestamp, BigDecimal price,
                        BigDecimal profitAndLoss, BigDecimal fees, int side, long size, boolean voided, long orderId) {
    }

    /** A history bar: time (the bar's open), open, high, low, close, volume. */
    public record Bar(String t, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, long v) {
    }

    /** The market hub's GatewayQuote payload. */
    public record Quote(String symbol, String symbolName, BigDecimal lastPrice, BigDecimal bestBid, BigDecimal bestAsk,
                        BigDecimal change, BigDecimal changePercent, BigDecimal open, BigDecimal high, BigDecimal low,
                        long volume, String lastUpdated, String timestamp) {
    }

    /** One element of the market hub's GatewayTrade array. */
    public record MarketTrade(String symbolId, BigDecimal price, String timestamp, int type, long volume) {
    }

    /** One element of the market hub's GatewayDepth array. */
    public record DepthEntry(String timestamp, int type, BigDecimal price, long volume, long currentVolume) {
    }

    /** A user-hub event as the live service wraps it. */
    public record Wrapped(int action, Object data) {
    }
}
