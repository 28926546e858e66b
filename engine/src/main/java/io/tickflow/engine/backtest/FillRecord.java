package io.tickflow.engine.backtest;

import io.tickflow.engine.model.Side;

/**
 * One fill of a backtest, as written to {@code fills.csv}. Immutable.
 *
 * @param contract        the contract's index in the engine
 * @param commissionCents commission and fees charged for it
 */
public record FillRecord(long tsEvent, long accountId, int contract, Side side, long size, long priceTicks,
                         long commissionCents, long gatewayOrderId, long clientOrderId) {
}
