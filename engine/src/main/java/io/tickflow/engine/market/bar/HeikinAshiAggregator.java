package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Heikin-Ashi bars: a smoothed transform of a base bar series ({@code spec.base()}).
 *
 * <p><b>Closing rule.</b> A Heikin-Ashi bar completes exactly when its base bar completes, with
 * the base bar's times, volume and count, and prices
 * <pre>
 *   haClose = (open + high + low + close) / 4
 *   haOpen  = (previous haOpen + previous haClose) / 2     (first bar: (open + close) / 2)
 *   haHigh  = max(high, haOpen, haClose)
 *   haLow   = min(low, haOpen, haClose)
 * </pre>
 * Prices are whole ticks, so haClose and haOpen are rounded to the nearest tick, halves
 * upwards (toward +∞), and the next haOpen is computed from the rounded values — as charting
 * platforms that snap Heikin-Ashi to the tick grid do.
 *
 * <p>Engine thread only. No allocation per observation (beyond what its base aggregator does).
 */
public final class HeikinAshiAggregator implements BarAggregator, BarSink {
    private final BarSpec spec;
    private final BarAggregator base;
    private final BarSink sink;
    private final Bar bar;
    private boolean hasPrevious;
    private long previousOpen;
    private long previousClose;

    public HeikinAshiAggregator(Contract contract, BarSpec spec, SessionCalendar calendar, BarSink sink) {
        this.spec = spec;
        this.sink = sink;
        this.bar = new Bar(contract, spec);
        this.base = BarAggregators.create(contract, spec.base(), calendar, this);
    }

    @Override
    public BarSpec spec() {
        return spec;
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        base.onPrice(tsNanos, priceTicks, volume);
    }

    @Override
    public void onTime(long tsNanos) {
        base.onTime(tsNanos);
    }

    /** Receives a completed base bar and emits its Heikin-Ashi transform. */
    @Override
    public void onBar(BarView b) {
        long haClose = roundedDivide(b.open() + b.high() + b.low() + b.close(), 4);
        long haOpen = hasPrevious ? roundedDivide(previousOpen + previousClose, 2) : roundedDivide(b.open() + b.close(), 2);
        long haHigh = Math.max(b.high(), Math.max(haOpen, haClose));
        long haLow = Math.min(b.low(), Math.min(haOpen, haClose));
        hasPrevious = true;
        previousOpen = haOpen;
        previousClose = haClose;
        sink.onBar(bar.set(b.tsOpen(), b.tsClose(), haOpen, haHigh, haLow, haClose, b.volume(), b.count()));
    }

    /** {@code x / d} rounded to the nearest integer, halves toward +∞. */
    static long roundedDivide(long x, long d) {
        return Math.floorDiv(2 * x + d, 2 * d);
    }
}
