package io.tickflow.engine.core;

import java.util.List;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.strategy.Strategy;

/**
 * The engine's record of one hosted strategy: the instance, its contracts, its fault policy
 * and life-cycle state. Written only by the engine thread; {@link #state()} may be read from
 * any thread.
 */
final class StrategyHost {
    final int index;
    final String name;
    final Strategy strategy;
    final FaultPolicy faultPolicy;
    final List<Contract> contracts;
    /** Indexed by contract index: true if this strategy trades that contract. */
    final boolean[] tradesContract;
    /** This host alone, for delivering an event to it without allocating. */
    final StrategyHost[] alone = {this};
    final long accountId;
    /** What happened to this strategy's orders while it was halted, told when it resumes. */
    final MissedWhileHalted missed = new MissedWhileHalted();
    EngineStrategyContext context;
    private volatile StrategyState state = StrategyState.NEW;
    private long faults;
    /** Why {@code onStart} threw, or null: read after {@link Engine#start()} returned. */
    private volatile Throwable startFailure;

    StrategyHost(int index, String name, Strategy strategy, long accountId, FaultPolicy faultPolicy,
                 List<Contract> contracts, boolean[] tradesContract) {
        this.index = index;
        this.accountId = accountId;
        this.name = name;
        this.strategy = strategy;
        this.faultPolicy = faultPolicy;
        this.contracts = List.copyOf(contracts);
        this.tradesContract = tradesContract;
    }

    /**
     * The index of one of this strategy's contracts.
     *
     * @throws IllegalArgumentException if the strategy is not configured for it
     */
    int ownIndex(ContractRegistry registry, Contract contract) {
        int index = contract == null ? -1 : registry.indexOf(contract.id());
        if (index < 0 || !tradesContract[index]) {
            throw new IllegalArgumentException("strategy '" + name + "' is not configured for contract "
                    + (contract == null ? "null" : contract.id()));
        }
        return index;
    }

    StrategyState state() {
        return state;
    }

    boolean isRunning() {
        return state == StrategyState.RUNNING;
    }

    void state(StrategyState newState) {
        this.state = newState;
    }

    long faults() {
        return faults;
    }

    void countFault() {
        faults++;
    }

    Throwable startFailure() {
        return startFailure;
    }

    void startFailed(Throwable t) {
        this.startFailure = t;
    }
}
