package io.tickflow.engine.strategy;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.Side;

/**
 * The gateway's latest view of one order. A read-only flyweight valid only during the
 * callback that received it. <b>Do not retain it.</b>
 */
public interface OrderView {
    Contract contract();

    long accountId();

    /** The gateway's order id. */
    long gatewayOrderId();

    /** The engine's client order id (sent as customTag), or 0 for an order the engine did not place. */
    long clientOrderId();

    long tsEvent();

    OrderStatus status();

    OrderType type();

    Side side();

    long size();

    long filledSize();

    /** Limit price in ticks, or {@code PriceTicks.NONE}. */
    long limitTicks();

    /** Stop price in ticks, or {@code PriceTicks.NONE}. */
    long stopTicks();

    /** Average fill price in millionths of a tick ({@code PriceTicks.MICROS_PER_TICK}); 0 if unfilled. */
    long avgFillMicroTicks();

    /** Why the order was rejected (by the risk gate or the gateway); empty otherwise. */
    default CharSequence rejectReason() {
        return "";
    }
}
