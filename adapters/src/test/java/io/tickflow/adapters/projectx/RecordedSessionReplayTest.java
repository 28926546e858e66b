package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.adapters.data.CsvMarketData;
import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** A paper session recorded by the adapter and re-run as a backtest makes the same fills. */
class RecordedSessionReplayTest {
    /** Buys one at market on the 3rd quote, sells it on the 6th, buys two on the 8th. */
    private static final class Script implements Strategy {
        private final Contract contract;
        private StrategyContext ctx;
        volatile int quotes;

        Script(Contract contract) {
            this.contract = contract;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            quotes++;
            if (quotes == 3) {
                ctx.orders().market(contract, Side.BUY, 1);
            } else if (quotes == 6) {
                ctx.orders().market(contract, Side.SELL, 1);
            } else if (quotes == 8) {
                ctx.orders().market(contract, Side.BUY, 2);
            }
        }
    }


    @Test
    void theRecordingReplaysAsABacktestWithTheSameFills(@TempDir Path dir) {
        List<String> live;
        Contract es;
        try (PaperGateway gateway = PaperGateway.builder().user("demo", "k").fillModel(FillModel.conservative())
                .build().start()) {
            es = gateway.contracts().get(0).contract();
            ContractRegistry registry = new ContractRegistry();
            registry.register(es);
            Script script = new Script(es);
            ProjectXAdapter adapter = new ProjectXAdapter(ProjectXSettings.sameHost(gateway.url(), "demo",
                    Secret.of("k")), registry, List.of(10_001L));
            adapter.recordMarketData(dir);
            Engine engine = Engine.builder().gateway(adapter).contract(es)
                    .strategy(StrategySpec.of("script", script, es.id()).withAccount(10_001L)).build();
            engine.start();
            adapter.start(engine.publisher());
            BigDecimal bid = new BigDecimal("6800.00");
            long[] expectedNet = {0, 0, 0, 1, 1, 1, 0, 0, 2, 2};
            for (int i = 1; i <= 9; i++) {
                bid = bid.add(new BigDecimal(i % 3 == 0 ? "-0.50" : "0.25"));
                gateway.quote(es.id(), bid, 5, bid.add(new BigDecimal("0.25")), 5);
                int seen = i;
                Await.until("quote " + i + " and its fills", () -> script.quotes == seen
                        && engine.positions().position(10_001L, 0).net() == expectedNet[seen]);
            }
            live = adapter.rest().trades(10_001L, Instant.now().minusSeconds(600)).stream()
                    .map(t -> (t.side() == 0 ? "BUY " : "SELL ") + t.size() + "@" + es.toTicks(t.price())).toList();
            engine.shutdown();
            adapter.close();
        }
        assertThat(live).hasSize(3);

        Script again = new Script(es);
        BacktestResult replayed = new BacktestRunner(BacktestRunner.Settings.defaults()
                .withFillModel(FillModel.conservative()))
                .run(List.of(es), List.of(StrategySpec.of("script", again, es.id())),
                        CsvMarketData.level1(dir.resolve(es.id() + ".csv"), es, 0));
        assertThat(replayed.fills()).extracting(f -> f.side() + " " + f.size() + "@" + f.priceTicks())
                .containsExactlyElementsOf(live);
    }
}
