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
 * {@code tsOpen}/{@code tsClose} are the times of the first and last observation.
 */
public final class RangeBarAggregator implements BarAggregator {
    private final BarSpec spec;
    private final long range;
    private final BarSink sink;
    private final Bar bar;
    private final FormingBar forming = new FormingBar();

    public RangeBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        this.spec = spec;
        this.range = spec.size();
        this.sink = sink;
        this.bar = new Bar(contract, spec);
    }

    @Override
    public BarSpec spec() {
        return spec;
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        if (forming.active) {
            long high = Math.max(forming.high, priceTicks);
            long low = Math.min(forming.low, priceTicks);
            if (high - low <= range) {
                forming.add(tsNanos, priceTicks, volume);
                return;
            }
            forming.emit(bar, sink, forming.firstTs, forming.lastTs);
        }
        forming.start(tsNanos, priceTicks, volume);
    }

    @Override
    public void onTime(long tsNanos) {
        // range bars close on price only
    }
}
