package io.tickflow.engine.strategy;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;

/**
 * One completed bar. Prices are ticks of {@link #contract()}.
 *
 * <p>A read-only flyweight: valid only during the callback that received it. <b>Do not
 * retain it</b>; read history through {@link BarSeries} instead.
 */
public interface BarView {
    Contract contract();

    BarSpec spec();

    /** Start of the bar: the interval start for time bars, else the first observation's time. */
    long tsOpen();

    /** End of the bar: the interval end for time bars, else the last observation's time. */
    long tsClose();

    long open();

    long high();

    long low();

    long close();

    /** Contracts traded in the bar (0 for quote-sourced bars). */
    long volume();

    /** Observations (prints or quote updates) in the bar; 0 for a bar that carries no observation (a Renko brick after the first of a move). */
    long count();
}
