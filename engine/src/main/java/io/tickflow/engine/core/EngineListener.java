package io.tickflow.engine.core;

import java.util.List;

import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.risk.RiskBreach;
import io.tickflow.engine.strategy.OrderView;

/**
 * Hooks for what happens inside the engine that an operator or a test wants to know. Called
 * on the engine thread: implementations must be quick and must not block. Exceptions thrown
 * from a listener are logged and ignored.
 */
public interface EngineListener {
    /**
     * A strategy callback threw.
     *
     * @param strategy the strategy's name
     * @param callback the callback that threw, e.g. {@code onQuote}
     * @param event    a description of the event being handled
     * @param error    what was thrown
     * @param halted   true if the strategy was halted as a result
     */
    default void onStrategyFault(String strategy, String callback, String event, Throwable error, boolean halted) {
    }

    /** A gateway connection changed state. */
    default void onConnectionState(ConnectionLink link, ConnectionState state, CharSequence detail, long tsEvent) {
    }

    /**
     * One of the engine's orders filled (strategy orders and the engine's own, such as a
     * flatten after a breach), once per gateway trade id.
     */
    default void onOrderFilled(OrderView order, long tradeId, long size, long priceTicks, long tsEvent) {
    }

    /** A loss rule was breached: the account's orders were cancelled, its positions flattened, its strategies halted. */
    default void onRiskBreach(RiskBreach breach) {
    }

    /** A new session lifted a daily loss limit breach: the strategies it halted run again. */
    default void onRiskBreachLifted(RiskBreach breach) {
    }

    /** Reconciliation after a (re)connect corrected local state to the gateway's; one line per correction. */
    default void onReconciled(List<String> corrections) {
    }

    /** An inbound event was dropped as invalid (unknown contract, crossed book, bad field); counted too. */
    default void onRejectedEvent(String reason, String event) {
    }
}
