package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Simple moving average of the last {@code period} values: {@code Σ x / period}, kept as a
 * running sum over a ring buffer.
 *
 * <p>Warm-up: ready after {@code period} values; {@link #value()} is NaN before. Unit: that of
 * the input (ticks for bar closes). Engine thread only, not thread-safe; O(1) and no allocation
 * per update. Integral inputs (ticks) keep the running sum exact.
 */
public final class Sma {
    private final int period;
    private final double[] window;
    private double sum;
    private long count;

    public Sma(int period) {
        this.period = Indicators.requirePeriod(period);
        this.window = new double[period];
    }

    public void update(long priceTicks) {
        update((double) priceTicks);
    }

    public void update(BarView bar) {
        update((double) bar.close());
    }

    /** Adds the close of the newest completed bar of {@code series}. */
    public void update(BarSeries series) {
        update((double) series.close(0));
    }

    public void update(double x) {
        int slot = (int) (count % period);
        if (count >= period) {
            sum -= window[slot];
        }
        window[slot] = x;
        sum += x;
        count++;
    }

    public double value() {
        return isReady() ? sum / period : Double.NaN;
    }

    public boolean isReady() {
        return count >= period;
    }

    /** Values added since construction or {@link #reset()}. */
    public long count() {
        return count;
    }

    public int period() {
        return period;
    }

    public void reset() {
        sum = 0;
        count = 0;
    }
}
