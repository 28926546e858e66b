package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;

/**
 * Range bars: bars whose high − low never exceeds R ticks.
 *
 * <p><b>Closing rule.</b> An observation that would make the bar's high − low exceed R
 * completes the bar <i>without</i> that observation, and opens the next bar at its price. A
 * bar whose range has reached exactly R stays open until a price outside it arrives (prices
 * inside the range keep adding to it). A gap (a price more than R beyond the bar) opens the
 * next bar at the gapped price; no bars are invented for the prices skipped.
 * {@code tsOpen}/{@code tsClose} are the times of the first and last observation. Time alone
 * never closes a range bar.
 *
 * <p>Engine thread only. No allocation.
 */
public final class RangeBarAggregator extends ActivityBarAggregator {
    public RangeBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        super(contract, spec, sink);
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        if (forming.active
                && Math.max(forming.high, priceTicks) - Math.min(forming.low, priceTicks) > threshold) {
            complete();
        }
        include(tsNanos, priceTicks, volume);
    }
}
