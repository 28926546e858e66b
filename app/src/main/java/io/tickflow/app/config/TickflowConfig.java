package io.tickflow.app.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.tickflow.adapters.projectx.Secret;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.risk.RiskLimits;

/**
 * A checked run configuration (see {@link ConfigLoader} for the YAML it comes from).
 *
 * @param gateway     where orders go
 * @param accounts    the accounts strategies trade, each with its risk limits
 * @param strategies  what runs
 * @param commissionCentsPerSide default commission and fees per contract per side
 * @param commissionBySymbol     per-symbol overrides, cents per side
 * @param engine      engine tuning
 * @param recovery    crash recovery: the journal and what to do with orphaned orders
 * @param flattenOnStop {@code engine.flattenOnStop}: at the end of a run (or on Ctrl-C) close
 *                      every position at market, not only cancel the working orders (which
 *                      takes the positions' protective stops and targets with them)
 */
public record TickflowConfig(Gateway gateway, List<Account> accounts, List<StrategyEntry> strategies,
                             long commissionCentsPerSide, Map<String, Long> commissionBySymbol, EngineConfig engine,
                             Recovery recovery, boolean flattenOnStop,
                             io.tickflow.engine.time.SessionCalendar sessions) {

    /**
     * Crash recovery ({@code engine.journal}, {@code engine.journalSync}, {@code engine.orphans}).
     *
     * @param journal the journal directory, or null for none
     * @param sync    force each batch of journal records to the disk (survives power loss, costs an msync)
     * @param orphans what the first reconciliation after a restart does with orders an earlier
     *                session left working: adopt or cancel (the default)
     */
    public record Recovery(java.nio.file.Path journal, boolean sync,
                           io.tickflow.engine.order.UnknownOrderPolicy orphans) {
    }

    /**
     * The gateway: the embedded paper gateway ({@code paper}) or a ProjectX service ({@code projectx}).
     *
     * @param speed        paper: market playback speed (1 = real time)
     * @param seed         paper: generated market seed
     * @param data         paper: {@code generated} or a market-data CSV file
     * @param dataContract paper: the symbol a CSV file is for
     */
    public record Gateway(String type, URI url, URI marketHub, URI userHub, String username, Secret apiKey,
                          double speed, long seed, String data, String dataContract) {
        public boolean isPaper() {
            return type.equals("paper");
        }
    }

    public record Account(long id, RiskLimits risk) {
    }

    /**
     * @param contracts       symbols ({@code ES}) or full contract ids ({@code CON.F.US.EP.Z26})
     * @param params          the strategy's parameters as text (typed by the strategy through StrategyParams)
     * @param contractOrigins where each of {@code contracts} is written, in the same order: a
     *                        contract found unknown later (at the gateway) is reported there
     */
    public record StrategyEntry(String name, String className, long account, List<String> contracts,
                                Map<String, String> params, List<Origin> contractOrigins) {
    }

    /**
     * Where a value is written in the configuration ({@code run.yaml:18} and the key path
     * {@code strategies[0].contracts[0]}), kept for problems found after loading (a contract
     * the gateway does not know, say) so that they too name the file, line and key.
     */
    public record Origin(String where, String key) {
        /** The problem as {@code file:line: key: problem}. */
        public ConfigException error(String problem) {
            return new ConfigException(where, key, problem);
        }
    }
}
