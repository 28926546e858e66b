package io.tickflow.engine.backtest;

/**
 * One price sample of a run: a contract's mid or trade price at a mark, the same samples the
 * equity curve is marked at (at most one per contract per mark interval, plus the last). Immutable.
 *
 * @param contract the contract's index in the engine
 */
public record PriceMark(long tsEvent, int contract, long priceTicks) {
}
