package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Exponential moving average: {@code ema = ema + α (x − ema)} with {@code α = 2 / (period + 1)},
 * seeded with the simple average of the first {@code period} values (the usual definition;
 * ta4j instead seeds with the first value, a difference that decays as {@code (1 − α)^n}).
 *
 * <p>Warm-up: ready after {@code period} values; NaN before. Unit: that of the input. Engine
 * thread only, not thread-safe; O(1), no allocation per update.
 */
public final class Ema {
    private final int period;
    private final double alpha;
    private double seedSum;
    private double ema;
    private long count;

    public Ema(int period) {
        this.period = Indicators.requirePeriod(period);
        this.alpha = 2.0 / (period + 1);
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
        count++;
        if (count < period) {
            seedSum += x;
        } else if (count == period) {
            ema = (seedSum + x) / period;
        } else {
            ema += alpha * (x - ema);
        }
    }

    public double value() {
        return isReady() ? ema : Double.NaN;
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
        seedSum = 0;
        ema = 0;
        count = 0;
    }
}
