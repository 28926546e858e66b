package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;

/**
 * Common ground of bars that close on market activity (a count, a volume, a range) rather
 * than on time: the forming bar, the reused output bar, and an {@link #onTime} that does
 * nothing. Subclasses state their closing rule. Engine thread only, allocation-free.
 */
abstract class ActivityBarAggregator implements BarAggregator {
    /** The spec's size: prints, contracts or ticks. */
    protected final long threshold;
    protected final FormingBar forming = new FormingBar();
    private final BarSpec spec;
    private final BarSink sink;
    private final Bar bar;

    ActivityBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        this.spec = spec;
        this.threshold = spec.size();
        this.sink = sink;
        this.bar = new Bar(contract, spec);
    }

    @Override
    public final BarSpec spec() {
        return spec;
    }

    /** Adds the observation to the forming bar, starting one if none is forming. */
    protected final void include(long ts, long price, long volume) {
        if (forming.active) {
            forming.add(ts, price, volume);
        } else {
            forming.start(ts, price, volume);
        }
    }

    /** Emits the forming bar, spanning its first to its last observation. */
    protected final void complete() {
        forming.emit(bar, sink, forming.firstTs, forming.lastTs);
    }

    /** Activity bars never close on time alone. */
    @Override
    public final void onTime(long tsNanos) {
    }
}
