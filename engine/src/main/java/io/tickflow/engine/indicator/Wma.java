package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Linearly weighted moving average: {@code Σ_{i=1..n} i·x_i / (n(n+1)/2)}, the newest value
 * weighted {@code n}. O(1) per update: adding {@code x} shifts every weight down by one, so
 * {@code num' = num + n·x − total} and {@code total' = total + x − oldest}.
 *
 * <p>Warm-up: ready after {@code period} values; NaN before. Unit: that of the input. Engine
 * thread only, not thread-safe; no allocation per update.
 */
public final class Wma {
    private final int period;
    private final double[] window;
    private final double weightSum;
    private double total;
    private double numerator;
    private long count;

    public Wma(int period) {
        this.period = Indicators.requirePeriod(period);
        this.window = new double[period];
        this.weightSum = period * (period + 1) / 2.0;
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
            numerator += period * x - total;
            total += x - window[slot];
        } else {
            // still filling: the k-th value gets weight k
            numerator += (count + 1) * x;
            total += x;
        }
        window[slot] = x;
        count++;
    }

    public double value() {
        return isReady() ? numerator / weightSum : Double.NaN;
    }

    public boolean isReady() {
        return count >= period;
    }

    public long count() {
        return count;
    }

    public int period() {
        return period;
    }

    public void reset() {
        total = 0;
        numerator = 0;
        count = 0;
    }
}
