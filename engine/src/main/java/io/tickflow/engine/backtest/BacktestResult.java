package io.tickflow.engine.backtest;

import java.util.List;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.risk.RiskBreach;

/**
 * Everything a backtest (or a live or paper session) produced. Immutable lists; written to
 * files by {@link BacktestReport}.
 *
 * @param events        events the engine processed
 * @param prices        the price marks the equity curve was marked at, in time order (for charts)
 * @param positions     each account's final position in each contract
 * @param workingOrders orders still working when it ended, or -1 if the gateway could not say
 */
public record BacktestResult(ContractRegistry contracts, List<FillRecord> fills, List<RoundTrip> trades,
                             List<EquityPoint> equity, PerformanceStats stats, List<RiskBreach> breaches,
                             long startingBalanceCents, long events, List<PriceMark> prices,
                             List<FinalPosition> positions, int workingOrders) {
    public BacktestResult {
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
        breaches = List.copyOf(breaches);
        prices = List.copyOf(prices);
        positions = List.copyOf(positions);
    }
}
