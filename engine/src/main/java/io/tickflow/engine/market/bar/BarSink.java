package io.tickflow.engine.market.bar;

import io.tickflow.engine.strategy.BarView;

/**
 * Receives completed bars, synchronously, on the engine thread. The bar is reused after the call
 * returns: copy what you need (as {@link BarSeriesBuffer} does), never keep the reference.
 */
@FunctionalInterface
public interface BarSink {
    void onBar(BarView bar);
}
