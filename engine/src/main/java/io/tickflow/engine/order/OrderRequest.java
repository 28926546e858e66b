package io.tickflow.engine.order;

import java.util.Objects;

import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

/**
 * What a strategy asks for: one order on one account and contract. Immutable; orders are
 * rare next to market data, so a record per order is fine. Prices are ticks; fields a type
 * does not use are {@link PriceTicks#NONE} (or 0 for the trail distance).
 *
 * @param contract   the contract's index in the engine's registry
 * @param trailTicks trailing distance in ticks, for TRAILING_STOP
 */
public record OrderRequest(long accountId, int contract, OrderType type, Side side, long size, long limitTicks,
                           long stopTicks, long trailTicks) {
    public OrderRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(side, "side");
        if (size <= 0) {
            throw new IllegalArgumentException("order size must be positive, was " + size);
        }
        switch (type) {
            case LIMIT:
                require(limitTicks != PriceTicks.NONE, "a limit order needs a limit price");
                break;
            case STOP:
                require(stopTicks != PriceTicks.NONE, "a stop order needs a stop price");
                break;
            case STOP_LIMIT:
                require(limitTicks != PriceTicks.NONE && stopTicks != PriceTicks.NONE,
                        "a stop-limit order needs a stop and a limit price");
                break;
            case TRAILING_STOP:
                require(trailTicks > 0, "a trailing stop needs a positive trail distance in ticks");
                break;
            case MARKET:
            case JOIN_BID:
            case JOIN_ASK:
                break;
            default:
                throw new IllegalArgumentException("order type " + type + " cannot be placed");
        }
    }

    public static OrderRequest market(long accountId, int contract, Side side, long size) {
        return new OrderRequest(accountId, contract, OrderType.MARKET, side, size, PriceTicks.NONE, PriceTicks.NONE, 0);
    }

    public static OrderRequest limit(long accountId, int contract, Side side, long size, long limitTicks) {
        return new OrderRequest(accountId, contract, OrderType.LIMIT, side, size, limitTicks, PriceTicks.NONE, 0);
    }

    public static OrderRequest stop(long accountId, int contract, Side side, long size, long stopTicks) {
        return new OrderRequest(accountId, contract, OrderType.STOP, side, size, PriceTicks.NONE, stopTicks, 0);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
