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
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.StrategyParams;

class BookImbalanceScalperTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");

    @Test
    void heavyBidsBuyInABracketAndABalancedBookDoesNothing() {
        BookImbalanceScalper scalper = new BookImbalanceScalper();
        Engine engine = Engine.builder().config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative()).contract(ES)
                .strategy(StrategySpec.of("imb", scalper, ES.id())).build();
        engine.start();
        QuoteTranslator quote = new QuoteTranslator();
        engine.publisher().publish(quote.topOfBook(0, 1, 1, 100, 10, 101, 9));
        engine.publisher().publish(quote.topOfBook(0, 2, 2, 100, 30, 101, 9));
        engine.shutdown();

        assertThat(scalper.entries()).isEqualTo(1);
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(engine.simulatedExchange().restingOrders(0)).as("the bracket's stop and target").isEqualTo(2);
    }

    @Test
    void onAGeneratedSessionItIsNeverMoreThanOneContractIn() {
        BookImbalanceScalper scalper = new BookImbalanceScalper();
        BacktestResult result = new BacktestRunner(BacktestRunner.Settings.defaults()).run(List.of(ES),
                List.of(StrategySpec.of("imb", scalper, ES.id()).withParams(new StrategyParams("imb",
                        Map.of("cooldownMs", "60000")))),
                new GeneratedMarketReplay(GeneratorConfig.defaults(5), 0));
        long net = 0;
        for (FillRecord f : result.fills()) {
            net += f.side() == Side.BUY ? f.size() : -f.size();
            assertThat(Math.abs(net)).isLessThanOrEqualTo(1);
        }
        assertThat(scalper.entries()).isGreaterThan(10);
    }
}
