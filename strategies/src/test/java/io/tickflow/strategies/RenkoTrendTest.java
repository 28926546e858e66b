package io.tickflow.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.FillRecord;
import io.tickflow.engine.backtest.GeneratedMarketReplay;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.StrategyParams;

class RenkoTrendTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");

    @Test
    void twoUpBricksGoLongAndTwoDownBricksReverseShort() {
        RenkoTrend renko = new RenkoTrend();
        Engine engine = Engine.builder().config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative()).contract(ES)
                .strategy(StrategySpec.of("renko", renko, ES.id())
                        .withParams(new StrategyParams("renko", Map.of("brick", "4", "confirm", "2"))))
                .build();
        engine.start();
        QuoteTranslator quote = new QuoteTranslator();
        TradeTranslator trade = new TradeTranslator();
        // up 4, up 4 (long), then down through two bricks' reversal (short)
        long[] prints = {100, 104, 108, 109, 104, 100, 96};
        for (int i = 0; i < prints.length; i++) {
            long p = prints[i];
            engine.publisher().publish(quote.topOfBook(0, i * 2 + 1, i * 2 + 1, p - 1, 10, p + 1, 10));
            engine.publisher().publish(trade.set(0, i * 2 + 2, i * 2 + 2, p, 1, Side.BUY));
        }
        engine.shutdown();

        assertThat(renko.reversals()).isEqualTo(2);
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(-1);
    }

    @Test
    void onGeneratedSessionsThePositionIsAlwaysOneContractOneWayOrTheOther() {
        RenkoTrend renko = new RenkoTrend();
        BacktestResult result = new BacktestRunner(BacktestRunner.Settings.defaults()).run(List.of(ES),
                List.of(StrategySpec.of("renko", renko, ES.id())),
                new GeneratedMarketReplay(GeneratorConfig.defaults(11), 0));
        long net = 0;
        for (FillRecord f : result.fills()) {
            net += f.side() == Side.BUY ? f.size() : -f.size();
            assertThat(Math.abs(net)).isLessThanOrEqualTo(1);
        }
        assertThat(renko.reversals()).isGreaterThan(5);
        assertThat(result.fills()).hasSize((int) renko.reversals());
    }
}
