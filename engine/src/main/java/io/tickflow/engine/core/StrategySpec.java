package io.tickflow.engine.core;

import java.util.List;
import java.util.Objects;

import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyParams;

/**
 * One strategy to host: its unique name, the instance, the account it trades, the contracts
 * it trades (gateway ids) and its parameters. Immutable.
 *
 * @param accountId   the gateway account its orders go to
 * @param faultPolicy what to do when it throws; null for the engine's default
 */
public record StrategySpec(String name, Strategy strategy, long accountId, List<String> contractIds,
                           StrategyParams params, FaultPolicy faultPolicy) {
    /** The account a strategy trades unless told otherwise. */
    public static final long DEFAULT_ACCOUNT = 1;

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
        return new StrategySpec(name, strategy, DEFAULT_ACCOUNT, List.of(contractIds), null, null);
    }

    public StrategySpec withParams(StrategyParams newParams) {
        return new StrategySpec(name, strategy, accountId, contractIds, newParams, faultPolicy);
    }

    public StrategySpec withFaultPolicy(FaultPolicy policy) {
        return new StrategySpec(name, strategy, accountId, contractIds, params, policy);
    }

    public StrategySpec withAccount(long account) {
        return new StrategySpec(name, strategy, account, contractIds, params, faultPolicy);
    }
}
