package io.tickflow.engine.core;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BookView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.StrategyParams;
import io.tickflow.engine.time.Clock;

/**
 * The {@link StrategyContext} of one hosted strategy. Every method checks that it is called
 * on the engine thread and that contracts belong to the strategy.
 */
final class EngineStrategyContext implements StrategyContext {
    private final StrategyHost host;
    private final StrategyParams params;
    private final ContractRegistry contracts;
    private final Clock clock;
    private final EventDispatcher dispatcher;
    private final EngineThread engineThread;
    private final Logger log;
    private final Orders orders;

    /** @param orders the strategy's order entry, or null when the engine has no gateway */
    EngineStrategyContext(StrategyHost host, StrategyParams params, ContractRegistry contracts, Clock clock,
                          EventDispatcher dispatcher, EngineThread engineThread, Orders orders) {
        this.orders = orders;
        this.host = host;
        this.params = params;
        this.contracts = contracts;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.engineThread = engineThread;
        this.log = LoggerFactory.getLogger("io.tickflow.strategy." + host.name);
    }

    @Override
    public String name() {
        return host.name;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public List<Contract> contracts() {
        return host.contracts;
    }

    @Override
    public Contract contract(String contractId) {
        int index = contracts.indexOf(contractId);
        if (index < 0 || !host.tradesContract[index]) {
            throw new IllegalArgumentException(
                    "strategy '" + host.name + "' is not configured for contract '" + contractId + "'");
        }
        return contracts.contract(index);
    }

    @Override
    public StrategyParams params() {
        return params;
    }

    @Override
    public BarSeries bars(Contract contract, BarSpec spec) {
        engineThread.check("bars");
        return dispatcher.bars(host, ownIndex(contract), spec);
    }

    @Override
    public Orders orders() {
        engineThread.check("orders");
        if (orders == null) {
            throw new IllegalStateException("strategy '" + host.name + "': this engine has no gateway to send orders to");
        }
        return orders;
    }

    @Override
    public QuoteView quote(Contract contract) {
        engineThread.check("quote");
        return dispatcher.quote(ownIndex(contract));
    }

    @Override
    public BookView book(Contract contract) {
        engineThread.check("book");
        return dispatcher.book(ownIndex(contract));
    }

    @Override
    public void scheduleTimer(long timerId, long atNanos) {
        engineThread.check("scheduleTimer");
        dispatcher.scheduleTimer(host, timerId, atNanos);
    }

    @Override
    public void cancelTimer(long timerId) {
        engineThread.check("cancelTimer");
        dispatcher.cancelTimer(host, timerId);
    }

    @Override
    public Logger log() {
        return log;
    }

    private int ownIndex(Contract contract) {
        return host.ownIndex(contracts, contract);
    }
}
