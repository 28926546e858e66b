package io.tickflow.engine.strategy;

import java.util.List;

import org.slf4j.Logger;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.time.Clock;

/**
 * What the engine offers a strategy: time, its contracts and parameters, market state, bar
 * series and timers. One context per strategy, handed over in {@link Strategy#onStart}; it
 * may be kept for the strategy's lifetime.
 *
 * <p>Call it only from strategy callbacks (the engine thread); calls from another thread are
 * rejected with an {@link IllegalStateException}. Getters do not allocate; {@link #bars}
 * allocates the series the first time it is requested.
 */
public interface StrategyContext {
    /** The strategy's name from the configuration; unique in one engine. */
    String name();

    /** The engine's clock: event time in a backtest, wall-clock time live. */
    Clock clock();

    /** The contracts this strategy was configured for, in configuration order. */
    List<Contract> contracts();

    /**
     * One of this strategy's contracts by gateway id (e.g. {@code CON.F.US.EP.Z25}).
     *
     * @throws IllegalArgumentException if the strategy is not configured for it
     */
    Contract contract(String contractId);

    /** The strategy's configured parameters. */
    StrategyParams params();

    /**
     * The bar series of {@code spec} on {@code contract}, created on first request and shared
     * with other strategies asking for the same series. Completed bars are delivered to
     * {@link Strategy#onBar} of every strategy that requested the series, after they are
     * appended to it.
     *
     * @throws IllegalArgumentException if {@code contract} is not one of this strategy's
     */
    BarSeries bars(Contract contract, BarSpec spec);

    /** As {@link #bars(Contract, BarSpec)}, with the spec in text form ({@code "5m"}, {@code "500t"}, …). */
    default BarSeries bars(Contract contract, String spec) {
        return bars(contract, BarSpec.parse(spec));
    }

    /**
     * Order entry on the strategy's account.
     *
     * @throws IllegalStateException if the engine has no gateway to send orders to
     */
    Orders orders();

    /** The live top of book of one of this strategy's contracts. Do not retain the view. */
    QuoteView quote(Contract contract);

    /** The live depth book of one of this strategy's contracts. Do not retain the view. */
    BookView book(Contract contract);

    /**
     * Schedules {@link Strategy#onTimer} at {@code atNanos} on the engine clock; scheduling an
     * id that is still pending moves it. A deadline already passed fires at the next event.
     */
    void scheduleTimer(long timerId, long atNanos);

    /** Cancels a pending timer; does nothing if it is not pending. */
    void cancelTimer(long timerId);

    /** A logger named after the strategy. Log sparingly on hot callbacks: logging may block. */
    Logger log();
}
