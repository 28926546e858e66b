package io.tickflow.engine.strategy;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;

/**
 * Order entry for one strategy, on the account it is configured for. Every method returns
 * at once on the engine thread: the order is sent once to the gateway (or the simulated
 * exchange) and its progress arrives through {@link Strategy#onOrder} and
 * {@link Strategy#onFill}. Prices are ticks of the contract.
 *
 * <p>Each placement returns the order's client order id, the key to cancel it and to match
 * it in callbacks ({@link OrderView#clientOrderId()}). Invalid requests (size not positive,
 * a contract the strategy does not trade) throw {@link IllegalArgumentException} and send
 * nothing.
 */
public interface Orders {
    long market(Contract contract, Side side, long size);

    long limit(Contract contract, Side side, long size, long limitTicks);

    long stop(Contract contract, Side side, long size, long stopTicks);

    long stopLimit(Contract contract, Side side, long size, long stopTicks, long limitTicks);

    /** A stop that trails the market by {@code trailTicks}. */
    long trailingStop(Contract contract, Side side, long size, long trailTicks);

    /** A buy limit order joining the best bid. */
    long joinBid(Contract contract, long size);

    /** A sell limit order joining the best ask. */
    long joinAsk(Contract contract, long size);

    /**
     * Asks to cancel a live order of this strategy.
     *
     * @return false if the order is not this strategy's, unknown, or already finished
     */
    boolean cancel(long clientOrderId);

    /** The account's net position in {@code contract} as the engine knows it (signed). */
    long position(Contract contract);
}
