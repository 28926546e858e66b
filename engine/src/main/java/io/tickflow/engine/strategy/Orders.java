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

    /**
     * A stop that trails the market by {@code trailTicks}: the gateway's own trailing stop, or,
     * where the engine emulates them ({@code Engine.Builder.emulateTrailingStops}, on for
     * ProjectX), a plain stop the engine moves behind the last trade at most once a second and
     * never back; then refused while there is no market yet to trail behind.
     */
    long trailingStop(Contract contract, Side side, long size, long trailTicks);

    /** A buy limit order joining the best bid. */
    long joinBid(Contract contract, long size);

    /** A sell limit order joining the best ask. */
    long joinAsk(Contract contract, long size);

    /**
     * An entry with an engine-emulated bracket: once the entry fills (even partly), a stop-loss
     * {@code stopLossTicks} and a take-profit {@code takeProfitTicks} away from the entry's
     * first fill price protect the filled size; when one exits, the other is cancelled.
     *
     * @param limitTicks the entry's limit price, or {@code PriceTicks.NONE} for a market entry
     * @return the entry's client order id
     */
    long bracket(Contract contract, Side side, long size, long limitTicks, long stopLossTicks, long takeProfitTicks);

    /**
     * An entry with an engine-emulated bracket at fixed prices: once the entry fills (even
     * partly), a stop-loss at {@code stopLossPriceTicks} and a take-profit at
     * {@code takeProfitPriceTicks} protect the filled size; when one exits, the other is
     * cancelled. The legs keep their prices whatever the fill price (a market entry that fills
     * beyond the stop-loss has its stop triggered at once).
     *
     * @param limitTicks the entry's limit price, or {@code PriceTicks.NONE} for a market entry
     * @return the entry's client order id
     * @throws IllegalArgumentException unless the stop-loss and take-profit lie on either side
     *         of the entry: for a buy, stop-loss below take-profit and, with a limit entry,
     *         below its price and the take-profit above it; mirrored for a sell
     */
    long bracketAtPrices(Contract contract, Side side, long size, long limitTicks, long stopLossPriceTicks,
                         long takeProfitPriceTicks);

    /**
     * A one-cancels-the-other pair on one side: a limit at {@code limitTicks} and a stop at
     * {@code stopTicks}; a fill of one shrinks the other, a complete fill cancels it.
     *
     * @return the client order ids of the limit and the stop
     */
    long[] oco(Contract contract, Side side, long size, long limitTicks, long stopTicks);

    /**
     * Asks to cancel a live order of this strategy.
     *
     * @return false if the order is not this strategy's, unknown, or already finished
     */
    boolean cancel(long clientOrderId);

    /**
     * Changes a working order's size or prices; pass 0 / {@code PriceTicks.NONE} to keep a field.
     *
     * @return false if the order is not this strategy's, finished, or not yet acknowledged
     */
    boolean modify(long clientOrderId, long size, long limitTicks, long stopTicks);

    /**
     * Cancels this strategy's live orders on {@code contract} and closes the account's position
     * there at market. Safe to call again before the fill arrives (on every event until the
     * position reads flat): a close-out market order still on its way counts towards where the
     * position is going, so nothing more is sent. The kill switch lets it through.
     */
    void flatten(Contract contract);

    /** {@link #flatten} on every contract of this strategy. */
    void flattenAll();

    /**
     * Cancels this strategy's live orders on {@code contract} and turns the position around at
     * market (long 2 → short 2). While a close-out of this contract is on its way, calling it
     * again sends nothing: one reverse per position.
     */
    void reverse(Contract contract);

    /** The account's net position in {@code contract} as the engine knows it (signed). */
    long position(Contract contract);
}
