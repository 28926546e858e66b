package io.tickflow.engine.strategy;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;

/**
 * The depth (L2) book of one contract: price levels best first, each with its total size.
 * Level 0 is the best bid or ask. The book is never crossed: updates that would cross it are
 * rejected and counted by the engine.
 *
 * <p>A read-only flyweight over engine-thread state: valid only during the callback that
 * received it. <b>Do not retain it</b>.
 */
public interface BookView {
    Contract contract();

    /** Time of the last applied update, epoch nanoseconds. */
    long tsEvent();

    /** Number of levels on {@code side}. */
    int levels(Side side);

    /** Price in ticks of level {@code level} (0 = best) on {@code side}. */
    long priceTicks(Side side, int level);

    /** Total size at level {@code level} on {@code side}. */
    long size(Side side, int level);

    /** Size resting at exactly {@code priceTicks} on {@code side}; 0 if no such level. */
    long sizeAt(Side side, long priceTicks);

    /** Best bid in ticks, or {@link io.tickflow.engine.model.PriceTicks#NONE} if the side is empty. */
    long bestBidTicks();

    /** Best ask in ticks, or {@link io.tickflow.engine.model.PriceTicks#NONE} if the side is empty. */
    long bestAskTicks();
}
