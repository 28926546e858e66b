package io.tickflow.engine.backtest;

import io.tickflow.engine.model.Side;

/**
 * One round trip: from a flat position to flat again (a reversal ends one and starts the
 * next). Immutable.
 *
 * @param side          LONG trips are BUY, short trips SELL
 * @param maxSize       the largest position held during the trip
 * @param pnlCents      trading PnL of the trip, before commissions
 * @param commissionCents commissions of the fills of the trip
 */
public record RoundTrip(long accountId, int contract, Side side, long entryTs, long exitTs, long maxSize,
                        long pnlCents, long commissionCents) {
    public long netCents() {
        return pnlCents - commissionCents;
    }
}
