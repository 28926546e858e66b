package io.tickflow.engine.generator;

import io.tickflow.engine.model.Side;

/**
 * Receives generated market data as primitives, so a consumer can publish straight into the
 * ring without allocation. Called on the generator's thread.
 */
public interface MarketDataSink {
    /** A new top of book; {@code bidTicks < askTicks}, sizes at least 1. */
    void onQuote(long tsNanos, long bidTicks, long bidSize, long askTicks, long askSize);

    /** A trade print at the bid (seller aggressor) or the ask (buyer aggressor). */
    void onTrade(long tsNanos, long priceTicks, long size, Side aggressor);

    /** A session opens; the quotes that follow belong to it. */
    default void onSessionOpen(long tsNanos) {
    }

    /** The session closes; nothing follows until the next open. */
    default void onSessionClose(long tsNanos) {
    }
}
