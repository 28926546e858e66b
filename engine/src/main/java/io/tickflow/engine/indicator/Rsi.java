package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Relative Strength Index (Wilder): {@code RSI = 100 − 100 / (1 + avgGain / avgLoss)} over the
 * changes between consecutive values. The first averages are simple means of the first
 * {@code period} changes; after that Wilder smoothing {@code avg = (avg·(n−1) + x) / n}. 100 when
 * there were no losses (50 when there was no change at all).
 *
 * <p>Warm-up: ready after {@code period + 1} values (that many changes); NaN before. Value 0–100.
 * Engine thread only, not thread-safe; O(1), no allocation per update.
 */
public final class Rsi {
    private final int period;
    private double previous;
    private double avgGain;
    private double avgLoss;
    private long count;

    public Rsi(int period) {
        this.period = Indicators.requirePeriod(period);
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
        if (count > 0) {
            double change = x - previous;
            double gain = change > 0 ? change : 0;
            double loss = change < 0 ? -change : 0;
            if (count <= period) {
                avgGain += gain / period;
                avgLoss += loss / period;
            } else {
                avgGain = (avgGain * (period - 1) + gain) / period;
                avgLoss = (avgLoss * (period - 1) + loss) / period;
            }
        }
        previous = x;
        count++;
    }

    public double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        if (avgLoss == 0) {
            return avgGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }

    public boolean isReady() {
        return count > period;
    }

    public long count() {
        return count;
    }

    public int period() {
        return period;
    }

    public void reset() {
        avgGain = 0;
        avgLoss = 0;
        count = 0;
    }
}
