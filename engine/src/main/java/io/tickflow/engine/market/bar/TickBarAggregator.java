package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;

/**
 * Bars of a fixed number N of observations (trade prints, or quote updates for a bid/ask
 * source).
 *
 * <p><b>Closing rule.</b> The N-th observation is included in the bar and completes it; the
 * next observation opens a new bar. {@code tsOpen}/{@code tsClose} are the times of the first
 * and last observation. Time alone never closes a tick bar.
 *
 * <p>Engine thread only. No allocation.
 */
public final class TickBarAggregator extends ActivityBarAggregator {
    public TickBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        super(contract, spec, sink);
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        include(tsNanos, priceTicks, volume);
        if (forming.count >= threshold) {
            complete();
        }
    }
}
