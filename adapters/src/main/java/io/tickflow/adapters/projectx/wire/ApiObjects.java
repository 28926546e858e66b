package io.tickflow.adapters.projectx.wire;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /**
     * An order. The last four fields are on the stream only (native bracket legs, trailing
     * stops): null when absent, and left out of what this side writes when null.
     */
    public record Order(long id, long accountId, String contractId, String symbolId, String creationTimestamp,
                        String updateTimestamp, int status, int type, int side, long size, BigDecimal limitPrice,
                        BigDecimal stopPrice, long fillVolume, BigDecimal filledPrice, String customTag,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long parentOrderId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long linkedOrderId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal trailPrice,
                        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal trailDistance) {

        /** An order without the stream-only fields (what {@code Order/search} returns). */
        public Order(long id, long accountId, String contractId, String symbolId, String creationTimestamp,
                     String updateTimestamp, int status, int type, int side, long size, BigDecimal limitPrice,
                     BigDecimal stopPrice, long fillVolume, BigDecimal filledPrice, String customTag) {
            this(id, accountId, contractId, symbolId, creationTimestamp, updateTimestamp, status, type, side, size,
                    limitPrice, stopPrice, fillVolume, filledPrice, customTag, null, null, null, null);
        }
    }

    public record Position(long id, long accountId, String contractId, String contractDisplayName,
                           String creationTimestamp, int type, long size, BigDecimal averagePrice) {
    }

    /** An own fill. {@code commissions} is on the stream only: null when absent, left out when null. */
    public record Trade(long id, long accountId, String contractId, String creationTimestamp, BigDecimal price,
                        BigDecimal profitAndLoss, BigDecimal fees, int side, long size, boolean voided, long orderId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal commissions) {

        /** A fill without commissions (what {@code Trade/search} returns). */
        public Trade(long id, long accountId, String contractId, String creationTimestamp, BigDecimal price,
                     BigDecimal profitAndLoss, BigDecimal fees, int side, long size, boolean voided, long orderId) {
            this(id, accountId, contractId, creationTimestamp, price, profitAndLoss, fees, side, size, voided, orderId,
                    null);
        }
    }

    /** A native bracket leg on {@code Order/place}: distance in ticks from the fill, and the leg's order type. */
    public record Bracket(int ticks, int type) {
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
