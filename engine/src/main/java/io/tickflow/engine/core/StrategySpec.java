package io.tickflow.engine.core;

import java.util.List;
import java.util.Objects;

import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyParams;

/**
 * One strategy to host: its unique name, the instance, the contracts it trades (gateway ids)
 * and its parameters. Immutable.
 *
 * @param faultPolicy what to do when it throws; null for the engine's default
 */
public record StrategySpec(String name, Strategy strategy, List<String> contractIds, StrategyParams params,
                           FaultPolicy faultPolicy) {
    public StrategySpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("strategy name must not be blank");
        }
        Objects.requireNonNull(strategy, "strategy");
        contractIds = List.copyOf(Objects.requireNonNull(contractIds, "contractIds"));
        if (contractIds.isEmpty()) {
            throw new IllegalArgumentException("strategy '" + name + "' must trade at least one contract");
        }
        if (params == null) {
            params = StrategyParams.empty(name);
        }
    }

    public static StrategySpec of(String name, Strategy strategy, String... contractIds) {
        return new StrategySpec(name, strategy, List.of(contractIds), null, null);
    }

    public StrategySpec withParams(StrategyParams newParams) {
        return new StrategySpec(name, strategy, contractIds, newParams, faultPolicy);
    }

    public StrategySpec withFaultPolicy(FaultPolicy policy) {
        return new StrategySpec(name, strategy, contractIds, params, policy);
    }
}
