package io.tickflow.engine.backtest;

import java.util.List;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.risk.RiskBreach;

/**
 * Everything a backtest produced. Immutable lists; written to files by {@link BacktestReport}.
 *
 * @param events events the engine processed
 */
public record BacktestResult(ContractRegistry contracts, List<FillRecord> fills, List<RoundTrip> trades,
                             List<EquityPoint> equity, PerformanceStats stats, List<RiskBreach> breaches,
                             long startingBalanceCents, long events) {
    public BacktestResult {
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
        breaches = List.copyOf(breaches);
    }
}
