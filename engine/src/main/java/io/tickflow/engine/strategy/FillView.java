package io.tickflow.engine.strategy;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;

/**
 * One fill of one of our orders, keyed by the gateway's trade id. A read-only flyweight
 * valid only during the callback that received it. <b>Do not retain it.</b>
 */
public interface FillView {
    Contract contract();

    long accountId();

    long tradeId();

    long gatewayOrderId();

    long tsEvent();

    Side side();

    long size();

    long priceTicks();

    long feesCents();

    /** True if the fill carries realized PnL (a closing fill). */
    boolean hasPnl();

    /** Realized PnL in cents; meaningful only if {@link #hasPnl()}. */
    long pnlCents();
}
