package io.tickflow.engine.strategy;

import io.tickflow.engine.model.Contract;

/**
 * The latest top of book (L1) of one contract, as merged from every quote update so far.
 *
 * <p>A read-only flyweight over engine-thread state: valid only during the callback that
 * received it or on the engine thread that owns it. <b>Do not retain it</b>: copy the
 * values you need. Absent prices read {@link io.tickflow.engine.model.PriceTicks#NONE}.
 */
public interface QuoteView {
    Contract contract();

    /** Exchange time of the last update, epoch nanoseconds. */
    long tsEvent();

    long bidTicks();

    long bidSize();

    long askTicks();

    long askSize();

    /** Price of the last trade, or NONE before the first. */
    long lastTicks();

    long lastSize();

    /** Session volume as last reported by the feed, 0 if never reported. */
    long volume();

    boolean hasBid();

    boolean hasAsk();
}
