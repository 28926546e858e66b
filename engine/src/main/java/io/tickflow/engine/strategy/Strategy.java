package io.tickflow.engine.strategy;

/**
 * A trading strategy: the class a trader writes. Every callback runs on the engine thread,
 * one at a time, in the order events entered the inbound ring, so a strategy needs no locks
 * and sees the same sequence in a backtest as live.
 *
 * <p>Callbacks receive read-only flyweight views that are valid only during the call: copy
 * what you need, never keep the view. Override only what you use; every method has an empty
 * default. Do not block in a callback (no I/O, no sleeping): the engine thread serves every
 * strategy.
 *
 * <p>An exception thrown from a callback is caught by the engine, logged with the event
 * being handled, and, by default, halts this strategy (no further callbacks); the engine and
 * the other strategies go on. The policy is configurable per strategy (halt or continue).
 *
 * <p>A halted strategy (by a fault, an operator, a stand-down or a risk breach) hears nothing,
 * but its orders live on: a breach cancels them, bracket legs fill. When it resumes (an
 * operator's resume, or the next session lifting a daily loss breach) it is told, before any
 * new event, what its orders did meanwhile — each fill through {@link #onFill} and the latest
 * state of each order that changed through {@link #onOrder}, in the order they happened — and
 * then its position in each of its contracts through {@link #onPosition}.
 *
 * <p>Life cycle: {@link #configure} once when the engine is built (and when a configuration
 * naming the strategy is loaded); {@link #onStart} once before any event; market and trading callbacks for the
 * strategy's contracts; {@link #onStop} once at shutdown unless the strategy was halted by a
 * fault.
 */
public interface Strategy {
    /**
     * Reads and checks this strategy's parameters, before anything runs: called once on the
     * thread building the engine, and by the configuration loader on a fresh instance so that
     * a bad value is reported with its file and line before a gateway is touched. Keep what
     * you read in fields for {@link #onStart}. Throw for a bad value — the getters of
     * {@link StrategyParams} do, and {@link StrategyParams#invalid} makes an error for your
     * own range checks. A strategy that reads its parameters here also has any parameter it
     * never reads refused as unknown.
     */
    default void configure(StrategyParams params) {
    }

    /** Called once, on the engine thread, before any event. Request bar series and timers here. */
    default void onStart(StrategyContext context) {
    }

    /** The top of book of one of the strategy's contracts changed. */
    default void onQuote(QuoteView quote) {
    }

    /** A trade printed on one of the strategy's contracts. */
    default void onTrade(TradeView trade) {
    }

    /** The depth book of one of the strategy's contracts changed (after a whole feed update). */
    default void onDepth(BookView book) {
    }

    /** A bar of a series this strategy requested through {@link StrategyContext#bars} completed. */
    default void onBar(BarView bar) {
    }

    /** The gateway's view of an order on one of the strategy's contracts changed. */
    default void onOrder(OrderView order) {
    }

    /**
     * The gateway refused a modify or cancel of one of this strategy's orders (or did not answer
     * in time); the order works on unchanged. A placement refused is an {@link #onOrder} with
     * status REJECTED instead.
     */
    default void onCommandRejected(CommandRejection rejection) {
    }

    /** An order on one of the strategy's contracts filled (wholly or partly). */
    default void onFill(FillView fill) {
    }

    /** A position in one of the strategy's contracts changed. */
    default void onPosition(PositionView position) {
    }

    /**
     * A timer scheduled through {@link StrategyContext#scheduleTimer} is due.
     *
     * @param timerId  the id it was scheduled with
     * @param nowNanos the engine clock's time, at or after the timer's deadline
     */
    default void onTimer(long timerId, long nowNanos) {
    }

    /** Called once at shutdown, on the engine thread, after every event published before it. */
    default void onStop() {
    }
}
