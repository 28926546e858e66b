package io.tickflow.engine.backtest;

/** The portfolio's equity change since the start at one moment, in cents. Immutable. */
public record EquityPoint(long tsEvent, long equityCents) {
}
