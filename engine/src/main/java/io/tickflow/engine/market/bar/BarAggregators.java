package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Creates the aggregator for a {@link BarSpec}. Called when a series is first requested, on the
 * engine thread; allocates the aggregator and its reused bar.
 */
public final class BarAggregators {
    private BarAggregators() {
    }

    /**
     * @param calendar the session calendar time bars align to (engine thread's own instance)
     * @param sink     receives each completed bar
     */
    public static BarAggregator create(Contract contract, BarSpec spec, SessionCalendar calendar, BarSink sink) {
        switch (spec.type()) {
            case TIME:
                return new TimeBarAggregator(contract, spec, calendar, sink);
            case TICK:
                return new TickBarAggregator(contract, spec, sink);
            case VOLUME:
                return new VolumeBarAggregator(contract, spec, sink);
            case RANGE:
                return new RangeBarAggregator(contract, spec, sink);
            case RENKO:
                return new RenkoBarAggregator(contract, spec, sink);
            case HEIKIN_ASHI:
                return new HeikinAshiAggregator(contract, spec, calendar, sink);
            default:
                throw new IllegalArgumentException("no aggregator for bar type " + spec.type());
        }
    }
}
