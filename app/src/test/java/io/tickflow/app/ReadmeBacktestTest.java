package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.engine.backtest.BacktestReport;
import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.GeneratedMarketReplay;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.strategies.SmaCrossover;

/** The README's "Backtests from code" example, as written there (one session instead of five). */
class ReadmeBacktestTest {
    @Test
    void theReadmeBacktestRunsAndWritesItsReports(@TempDir Path out) throws Exception {
        Contract es = Main.ES;
        BacktestResult result = new BacktestRunner(BacktestRunner.Settings.defaults()
                        .withCommissions(new CommissionSchedule(140, Map.of()))
                        .withRisk(RiskLimits.none().withMaxPosition(5, 5).withDailyLossLimit(100_000)))
                .run(List.of(es), List.of(StrategySpec.of("sma", new SmaCrossover(), es.id())),
                        new GeneratedMarketReplay(GeneratorConfig.defaults(42).withSessions(1), 0));
        BacktestReport.write(result, out);

        assertThat(result.fills()).isNotEmpty();
        for (String file : List.of("fills.csv", "trades.csv", "equity.csv", "stats.json")) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("stats.json"))).contains("\"net_pnl\"").contains("\"sharpe_daily\"");
    }
}
