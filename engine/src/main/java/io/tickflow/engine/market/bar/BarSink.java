package io.tickflow.engine.market.bar;

import io.tickflow.engine.strategy.BarView;

/** Receives completed bars, synchronously, on the engine thread. The bar is reused after the call returns. */
@FunctionalInterface
public interface BarSink {
    void onBar(BarView bar);
}
