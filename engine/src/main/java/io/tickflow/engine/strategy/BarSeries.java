package io.tickflow.engine.strategy;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;

/**
 * The completed bars of one contract and spec, newest first: {@code close(0)} is the close of
 * the most recent completed bar, {@code close(1)} the one before. Holds the last
 * {@link #capacity()} bars; older ones are overwritten.
 *
 * <p>Owned by the engine thread, which appends to it; read it only from strategy callbacks.
 * The series object itself may be kept for the strategy's lifetime. Reads do not allocate.
 */
public interface BarSeries {
    Contract contract();

    BarSpec spec();

    /** Completed bars currently held: {@code min(total(), capacity())}. */
    int size();

    int capacity();

    /** Completed bars since the series started, including those overwritten. */
    long total();

    /**
     * @param ago 0 for the newest completed bar, up to {@code size() - 1}
     * @throws IndexOutOfBoundsException if {@code ago} is not in {@code [0, size())}
     */
    long open(int ago);

    long high(int ago);

    long low(int ago);

    long close(int ago);

    long volume(int ago);

    long count(int ago);

    long tsOpen(int ago);

    long tsClose(int ago);
}
