package io.tickflow.engine.core;

/** Life cycle of a hosted strategy: RUNNING → HALTED (fault or operator) ⇄ RUNNING → STOPPED. */
public enum StrategyState {
    /** Created, onStart not yet called. */
    NEW,
    RUNNING,
    /** No events delivered: halted by a fault or an operator's HALT. */
    HALTED,
    /** onStop called at shutdown; final. */
    STOPPED
}
