package io.tickflow.engine.backtest;

import java.util.List;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.risk.RiskBreach;

/**
 * Everything a backtest produced. Immutable lists; written to files by {@link BacktestReport}.
 *
 * @param events events the engine processed
 * @param prices the price marks the equity curve was marked at, in time order (for charts)
 */
public record BacktestResult(ContractRegistry contracts, List<FillRecord> fills, List<RoundTrip> trades,
                             List<EquityPoint> equity, PerformanceStats stats, List<RiskBreach> breaches,
                             long startingBalanceCents, long events, List<PriceMark> prices) {
    public BacktestResult {
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
        breaches = List.copyOf(breaches);
        prices = List.copyOf(prices);
    }

    /** A result without price marks. */
    public BacktestResult(ContractRegistry contracts, List<FillRecord> fills, List<RoundTrip> trades,
                          List<EquityPoint> equity, PerformanceStats stats, List<RiskBreach> breaches,
                          long startingBalanceCents, long events) {
        this(contracts, fills, trades, equity, stats, breaches, startingBalanceCents, events, List.of());
    }
}
