package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Average True Range (Wilder). True range {@code TR = max(high, prevClose) − min(low, prevClose)}
 * ({@code high − low} on the first bar); the first ATR is the mean of the first {@code period}
 * TRs, then {@code ATR = (ATR·(n−1) + TR) / n}.
 *
 * <p>Warm-up: ready after {@code period} bars; NaN before. Unit: ticks for bars. Engine thread
 * only, not thread-safe; O(1), no allocation per update.
 */
public final class Atr {
    private final int period;
    private double previousClose;
    private double trueRange;
    private double atr;
    private long count;

    public Atr(int period) {
        this.period = Indicators.requirePeriod(period);
    }

    public void update(BarView bar) {
        update(bar.high(), bar.low(), bar.close());
    }

    /** Adds the newest completed bar of {@code series}. */
    public void update(BarSeries series) {
        update(series.high(0), series.low(0), series.close(0));
    }

    public void update(double high, double low, double close) {
        trueRange = count == 0 ? high - low : Math.max(high, previousClose) - Math.min(low, previousClose);
        count++;
        if (count <= period) {
            atr += trueRange / period;
        } else {
            atr = (atr * (period - 1) + trueRange) / period;
        }
        previousClose = close;
    }

    public double value() {
        return isReady() ? atr : Double.NaN;
    }

    /** The true range of the last bar; NaN before the first. */
    public double trueRange() {
        return count == 0 ? Double.NaN : trueRange;
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
        atr = 0;
        count = 0;
    }
}
