package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.strategy.BarView;

/**
 * A mutable bar: the object aggregators fill and hand to their {@link BarSink}, reused for
 * every bar they emit. Engine thread only; {@link #set} allocates nothing.
 */
public final class Bar implements BarView {
    private final Contract contract;
    private final BarSpec spec;
    private long tsOpen;
    private long tsClose;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long count;

    public Bar(Contract contract, BarSpec spec) {
        this.contract = contract;
        this.spec = spec;
    }

    /** Sets every field; returns this. */
    public Bar set(long tsOpen, long tsClose, long open, long high, long low, long close, long volume, long count) {
        this.tsOpen = tsOpen;
        this.tsClose = tsClose;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.count = count;
        return this;
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
    public long tsOpen() {
        return tsOpen;
    }

    @Override
    public long tsClose() {
        return tsClose;
    }

    @Override
    public long open() {
        return open;
    }

    @Override
    public long high() {
        return high;
    }

    @Override
    public long low() {
        return low;
    }

    @Override
    public long close() {
        return close;
    }

    @Override
    public long volume() {
        return volume;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public String toString() {
        return spec + " [" + tsOpen + ", " + tsClose + ") o=" + open + " h=" + high + " l=" + low + " c=" + close
                + " v=" + volume + " n=" + count;
    }
}
