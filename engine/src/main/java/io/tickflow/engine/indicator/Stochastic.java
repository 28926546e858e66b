package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Stochastic oscillator (fast): {@code %K = 100 · (close − LL) / (HH − LL)} with HH/LL the
 * highest high and lowest low of the last {@code kPeriod} bars, {@code %D = SMA(dPeriod)} of
 * %K. When {@code HH == LL} %K is 50 (the close is at the middle of a zero-width range).
 *
 * <p>Warm-up: {@link #value()} (%K) ready after {@code kPeriod} bars; {@link #d()} and
 * {@link #isReady()} after {@code kPeriod + dPeriod − 1}; NaN before. Value 0–100. Engine
 * thread only, not thread-safe; amortized O(1) (monotonic deques), no allocation per update.
 */
public final class Stochastic {
    private final int kPeriod;
    private final MonotonicWindow highs;
    private final MonotonicWindow lows;
    private final Sma d;
    private double k = Double.NaN;
    private long count;

    public Stochastic(int kPeriod, int dPeriod) {
        this.kPeriod = Indicators.requirePeriod(kPeriod);
        this.highs = new MonotonicWindow(kPeriod, true);
        this.lows = new MonotonicWindow(kPeriod, false);
        this.d = new Sma(dPeriod);
    }

    public void update(BarView bar) {
        update(bar.high(), bar.low(), bar.close());
    }

    /** Adds the newest completed bar of {@code series}. */
    public void update(BarSeries series) {
        update(series.high(0), series.low(0), series.close(0));
    }

    public void update(double high, double low, double close) {
        highs.add(high);
        lows.add(low);
        count++;
        if (count >= kPeriod) {
            double hh = highs.extreme();
            double ll = lows.extreme();
            k = hh == ll ? 50 : 100 * (close - ll) / (hh - ll);
            d.update(k);
        }
    }

    /** %K; NaN before {@code kPeriod} bars. */
    public double value() {
        return count >= kPeriod ? k : Double.NaN;
    }

    /** %D. */
    public double d() {
        return d.value();
    }

    public boolean isReady() {
        return d.isReady();
    }

    public long count() {
        return count;
    }

    public void reset() {
        highs.reset();
        lows.reset();
        d.reset();
        k = Double.NaN;
        count = 0;
    }
}
