package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Bollinger Bands: middle = SMA of the last {@code period} values, upper/lower = middle ±
 * {@code k}·σ with σ the population standard deviation of the same window
 * ({@code sqrt(Σx²/n − mean²)}), from running sums of x and x² over a ring buffer.
 *
 * <p>Warm-up: ready after {@code period} values; NaN before. Unit: that of the input. Integral
 * inputs (ticks) keep both running sums exact. Engine thread only, not thread-safe; O(1), no
 * allocation per update.
 */
public final class BollingerBands {
    private final int period;
    private final double k;
    private final double[] window;
    private double sum;
    private double sumSquares;
    private long count;

    public BollingerBands(int period, double k) {
        this.period = Indicators.requirePeriod(period);
        this.k = k;
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
            double old = window[slot];
            sum -= old;
            sumSquares -= old * old;
        }
        window[slot] = x;
        sum += x;
        sumSquares += x * x;
        count++;
    }

    public double middle() {
        return isReady() ? sum / period : Double.NaN;
    }

    /** Population standard deviation of the window. */
    public double deviation() {
        if (!isReady()) {
            return Double.NaN;
        }
        double mean = sum / period;
        return Math.sqrt(Math.max(0, sumSquares / period - mean * mean));
    }

    public double upper() {
        return middle() + k * deviation();
    }

    public double lower() {
        return middle() - k * deviation();
    }

    /** The middle band. */
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
        sum = 0;
        sumSquares = 0;
        count = 0;
    }
}
