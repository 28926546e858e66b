package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Donchian channel: upper = highest high, lower = lowest low of the last {@code period} bars
 * (including the current one), middle = their mean. Window extremes kept by monotonic deques in
 * primitive arrays: amortized O(1) per update.
 *
 * <p>Warm-up: ready after {@code period} bars; NaN before. Unit: ticks for bars. Engine thread
 * only, not thread-safe; no allocation per update.
 */
public final class DonchianChannel {
    private final int period;
    private final MonotonicWindow highs;
    private final MonotonicWindow lows;
    private long count;

    public DonchianChannel(int period) {
        this.period = Indicators.requirePeriod(period);
        this.highs = new MonotonicWindow(period, true);
        this.lows = new MonotonicWindow(period, false);
    }

    public void update(BarView bar) {
        update(bar.high(), bar.low());
    }

    /** Adds the newest completed bar of {@code series}. */
    public void update(BarSeries series) {
        update(series.high(0), series.low(0));
    }

    /** A raw price counts as a bar whose high and low are that price. */
    public void update(long priceTicks) {
        update(priceTicks, priceTicks);
    }

    public void update(double high, double low) {
        highs.add(high);
        lows.add(low);
        count++;
    }

    public double upper() {
        return isReady() ? highs.extreme() : Double.NaN;
    }

    public double lower() {
        return isReady() ? lows.extreme() : Double.NaN;
    }

    public double middle() {
        return (upper() + lower()) / 2;
    }

    /** The middle line. */
    public double value() {
        return middle();
    }

    public boolean isReady() {
        return count >= period;
    }

    public long count() {
        return count;
    }

    public void reset() {
        highs.reset();
        lows.reset();
        count = 0;
    }
}
