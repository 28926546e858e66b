package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * MACD: {@code macd = EMA(fast) − EMA(slow)}, {@code signal = EMA(signalPeriod)} of the macd
 * line, {@code histogram = macd − signal}. EMAs as {@link Ema} (seeded with a simple average);
 * the signal EMA starts with the first macd value, once the slow EMA is ready.
 *
 * <p>Warm-up: {@link #value()} ready after {@code slow} values, {@link #signal()} and
 * {@link #isReady()} after {@code slow + signalPeriod − 1}; NaN before. Unit: that of the input.
 * Engine thread only, not thread-safe; O(1), no allocation per update.
 */
public final class Macd {
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private long count;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("MACD fast period " + fastPeriod + " must be below the slow " + slowPeriod);
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signal = new Ema(signalPeriod);
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
        fast.update(x);
        slow.update(x);
        count++;
        if (slow.isReady()) {
            signal.update(fast.value() - slow.value());
        }
    }

    /** The macd line; NaN until the slow EMA is ready. */
    public double value() {
        return slow.isReady() ? fast.value() - slow.value() : Double.NaN;
    }

    public double signal() {
        return signal.value();
    }

    public double histogram() {
        return value() - signal();
    }

    public boolean isReady() {
        return signal.isReady();
    }

    public long count() {
        return count;
    }

    public void reset() {
        fast.reset();
        slow.reset();
        signal.reset();
        count = 0;
    }
}
