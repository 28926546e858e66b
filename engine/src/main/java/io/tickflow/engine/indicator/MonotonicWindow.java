package io.tickflow.engine.indicator;

/**
 * The maximum (or minimum) of the last {@code period} values, as a monotonic deque kept in
 * primitive arrays: amortized O(1) per value, no allocation after construction. Engine thread.
 */
final class MonotonicWindow {
    private final int period;
    private final boolean max;
    private final double[] values;
    private final long[] seqs;
    private int head;
    private int size;
    private long seq;

    MonotonicWindow(int period, boolean max) {
        this.period = Indicators.requirePeriod(period);
        this.max = max;
        this.values = new double[period];
        this.seqs = new long[period];
    }

    void add(double x) {
        // drop from the tail every value the new one dominates: it can never be the extreme again
        while (size > 0) {
            int tail = (head + size - 1) % period;
            if (max ? values[tail] <= x : values[tail] >= x) {
                size--;
            } else {
                break;
            }
        }
        if (size > 0 && seqs[head] <= seq - period) {
            head = (head + 1) % period;
            size--;
        }
        int slot = (head + size) % period;
        values[slot] = x;
        seqs[slot] = seq;
        size++;
        seq++;
    }

    /** The extreme of the last {@code period} values added; NaN before the first. */
    double extreme() {
        return size == 0 ? Double.NaN : values[head];
    }

    void reset() {
        head = 0;
        size = 0;
        seq = 0;
    }
}
