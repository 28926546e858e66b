package io.tickflow.engine.backtest;

import io.tickflow.engine.model.Side;

/** Where a {@link MarketReplay} sends market data, in time order. Called on the replaying thread. */
public interface ReplayTarget {
    void quote(int contract, long tsNanos, long bidTicks, long bidSize, long askTicks, long askSize);

    /** @param aggressor the aggressor's side, or null if unknown */
    void trade(int contract, long tsNanos, long priceTicks, long size, Side aggressor);
}
