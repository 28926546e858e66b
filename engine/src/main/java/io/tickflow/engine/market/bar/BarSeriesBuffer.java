package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;

/**
 * A {@link BarSeries} kept in a fixed-capacity ring of primitive arrays: appending a bar
 * copies its fields, overwriting the oldest once full. Engine thread only; no allocation
 * after construction.
 */
public final class BarSeriesBuffer implements BarSeries, BarSink {
    private final Contract contract;
    private final BarSpec spec;
    private final int capacity;
    private final long[] tsOpen;
    private final long[] tsClose;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final long[] count;
    private long total;

    public BarSeriesBuffer(Contract contract, BarSpec spec, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("bar series capacity must be at least 1, was " + capacity);
        }
        this.contract = contract;
        this.spec = spec;
        this.capacity = capacity;
        this.tsOpen = new long[capacity];
        this.tsClose = new long[capacity];
        this.open = new long[capacity];
        this.high = new long[capacity];
        this.low = new long[capacity];
        this.close = new long[capacity];
        this.volume = new long[capacity];
        this.count = new long[capacity];
    }

    /** Appends a completed bar. */
    @Override
    public void onBar(BarView bar) {
        int i = (int) (total % capacity);
        tsOpen[i] = bar.tsOpen();
        tsClose[i] = bar.tsClose();
        open[i] = bar.open();
        high[i] = bar.high();
        low[i] = bar.low();
        close[i] = bar.close();
        volume[i] = bar.volume();
        count[i] = bar.count();
        total++;
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public BarSpec spec() {
        return spec;
    }

    @Override
    public int size() {
        return (int) Math.min(total, capacity);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public long open(int ago) {
        return open[index(ago)];
    }

    @Override
    public long high(int ago) {
        return high[index(ago)];
    }

    @Override
    public long low(int ago) {
        return low[index(ago)];
    }

    @Override
    public long close(int ago) {
        return close[index(ago)];
    }

    @Override
    public long volume(int ago) {
        return volume[index(ago)];
    }

    @Override
    public long count(int ago) {
        return count[index(ago)];
    }

    @Override
    public long tsOpen(int ago) {
        return tsOpen[index(ago)];
    }

    @Override
    public long tsClose(int ago) {
        return tsClose[index(ago)];
    }

    private int index(int ago) {
        if (ago < 0 || ago >= size()) {
            throw new IndexOutOfBoundsException("bar " + ago + " ago of " + contract.symbol() + " " + spec
                    + ": the series holds " + size() + " completed bars");
        }
        return (int) ((total - 1 - ago) % capacity);
    }

    @Override
    public String toString() {
        return contract.symbol() + " " + spec + " series, " + size() + " bars";
    }
}
