package io.tickflow.engine.backtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.risk.RiskBreach;
import io.tickflow.engine.strategy.OrderView;

/**
 * An engine listener that keeps every fill (with its commission) and every risk breach of a
 * run, for {@link BacktestRunner#summarize}. Thread-safe: the engine thread adds, others read
 * copies.
 */
public class FillRecorder implements EngineListener {
    private final List<Contract> contracts;
    private final CommissionSchedule commissions;
    private final List<FillRecord> fills = Collections.synchronizedList(new ArrayList<>());
    private final List<RiskBreach> breaches = Collections.synchronizedList(new ArrayList<>());

    /** @param contracts the run's contracts, in the engine's order */
    public FillRecorder(List<Contract> contracts, CommissionSchedule commissions) {
        this.contracts = List.copyOf(contracts);
        this.commissions = commissions;
    }

    @Override
    public void onOrderFilled(OrderView order, long tradeId, long size, long priceTicks, long ts) {
        fills.add(new FillRecord(ts, order.accountId(), contracts.indexOf(order.contract()), order.side(), size,
                priceTicks, commissions.centsFor(order.contract().id(), size), order.gatewayOrderId(),
                order.clientOrderId()));
    }

    @Override
    public void onRiskBreach(RiskBreach breach) {
        breaches.add(breach);
    }

    public List<FillRecord> fills() {
        synchronized (fills) {
            return new ArrayList<>(fills);
        }
    }

    public List<RiskBreach> breaches() {
        synchronized (breaches) {
            return new ArrayList<>(breaches);
        }
    }
}
