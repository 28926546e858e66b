package io.tickflow.engine.strategy;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;

/**
 * One trade print on the market (not an own fill: see {@link FillView}).
 *
 * <p>A read-only flyweight over a reused ring slot: valid only during the callback that
 * received it. <b>Do not retain it</b>.
 */
public interface TradeView {
    Contract contract();

    long tsEvent();

    long priceTicks();

    long size();

    /** The aggressor's side, or null when the feed does not say (e.g. an auction print). */
    Side aggressor();
}
