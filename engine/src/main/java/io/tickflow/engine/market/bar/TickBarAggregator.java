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
 */
public final class TickBarAggregator implements BarAggregator {
    private final BarSpec spec;
    private final long ticksPerBar;
    private final BarSink sink;
    private final Bar bar;
    private final FormingBar forming = new FormingBar();

    public TickBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        this.spec = spec;
        this.ticksPerBar = spec.size();
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
            forming.add(tsNanos, priceTicks, volume);
        } else {
            forming.start(tsNanos, priceTicks, volume);
        }
        if (forming.count >= ticksPerBar) {
            forming.emit(bar, sink, forming.firstTs, forming.lastTs);
        }
    }

    @Override
    public void onTime(long tsNanos) {
        // tick bars close on count only
    }
}
