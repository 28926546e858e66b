package io.tickflow.engine.indicator;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * Average Directional Index (Wilder). Per bar after the first: {@code +DM = up} if
 * {@code up > down && up > 0} else 0, {@code −DM = down} if {@code down > up && down > 0} else 0,
 * with {@code up = high − prevHigh}, {@code down = prevLow − low}, and the true range as in
 * {@link Atr}. TR, +DM and −DM are Wilder-smoothed (first: mean of {@code period} values, then
 * {@code s = (s·(n−1) + x) / n}); {@code ±DI = 100 · s(±DM) / s(TR)},
 * {@code DX = 100 · |+DI − −DI| / (+DI + −DI)} (0 when both are 0), and ADX is DX Wilder-smoothed
 * the same way.
 *
 * <p>Warm-up: ±DI ready after {@code period + 1} bars, ADX ({@link #value()},
 * {@link #isReady()}) after {@code 2·period}; NaN before. Value 0–100. Engine thread only, not
 * thread-safe; O(1), no allocation per update.
 */
public final class Adx {
    private final int period;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double smoothedTr;
    private double smoothedPlus;
    private double smoothedMinus;
    private double adx;
    private long count;

    public Adx(int period) {
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
        if (count > 0) {
            double up = high - previousHigh;
            double down = previousLow - low;
            double plus = up > down && up > 0 ? up : 0;
            double minus = down > up && down > 0 ? down : 0;
            double tr = Math.max(high, previousClose) - Math.min(low, previousClose);
            long moves = count; // directional moves including this one
            smoothedTr = wilder(smoothedTr, tr, moves);
            smoothedPlus = wilder(smoothedPlus, plus, moves);
            smoothedMinus = wilder(smoothedMinus, minus, moves);
            if (moves >= period) {
                adx = wilder(adx, dx(), moves - period + 1);
            }
        }
        previousHigh = high;
        previousLow = low;
        previousClose = close;
        count++;
    }

    /** Mean of the first {@code period} values, Wilder's smoothing after. */
    private double wilder(double average, double x, long n) {
        return n <= period ? average + x / period : (average * (period - 1) + x) / period;
    }

    private double dx() {
        double plus = plusDiRaw();
        double minus = minusDiRaw();
        double sum = plus + minus;
        return sum == 0 ? 0 : 100 * Math.abs(plus - minus) / sum;
    }

    private double plusDiRaw() {
        return smoothedTr == 0 ? 0 : 100 * smoothedPlus / smoothedTr;
    }

    private double minusDiRaw() {
        return smoothedTr == 0 ? 0 : 100 * smoothedMinus / smoothedTr;
    }

    /** +DI; NaN before {@code period + 1} bars. */
    public double plusDi() {
        return count > period ? plusDiRaw() : Double.NaN;
    }

    /** −DI; NaN before {@code period + 1} bars. */
    public double minusDi() {
        return count > period ? minusDiRaw() : Double.NaN;
    }

    public double value() {
        return isReady() ? adx : Double.NaN;
    }

    public boolean isReady() {
        return count >= 2L * period;
    }

    public long count() {
        return count;
    }

    public int period() {
        return period;
    }

    public void reset() {
        smoothedTr = 0;
        smoothedPlus = 0;
        smoothedMinus = 0;
        adx = 0;
        count = 0;
    }
}
