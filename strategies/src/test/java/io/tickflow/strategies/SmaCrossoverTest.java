package io.tickflow.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.InvalidParameterException;
import io.tickflow.engine.strategy.StrategyParams;

class SmaCrossoverTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");

    /** Runs the strategy on one-print tick bars ("1t"), so each close is one price. */
    private static SmaCrossover run(Map<String, String> params, long... closes) {
        SmaCrossover strategy = new SmaCrossover();
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .contract(ES)
                .strategy(StrategySpec.of("sma", strategy, ES.id()).withParams(new StrategyParams("sma", params)))
                .build();
        engine.start();
        TradeTranslator trade = new TradeTranslator();
        for (int i = 0; i < closes.length; i++) {
            engine.publisher().publish(trade.set(0, i + 1, i + 1, closes[i], 1, Side.BUY));
        }
        engine.shutdown();
        return strategy;
    }

    @Test
    void signalsOnlyWhenTheFastAverageCrossesTheSlowOneAfterWarmUp() {
        // fast=2, slow=3. Closes and averages (fast, slow):
        // 10 11 12 -> warm-up completes at bar 3 (fast 11.5 > slow 11: no signal on the warm-up bar)
        // 9        -> fast 10.5 < slow 10.67: SHORT
        // 8        -> fast 8.5 < slow 9.67: still short, no signal
        // 13       -> fast 10.5 > slow 10: LONG
        // 13       -> fast 13 > slow 11.33: no signal
        SmaCrossover sma = run(Map.of("fast", "2", "slow", "3", "bars", "1t", "size", "0"), 10, 11, 12, 9, 8, 13, 13);

        assertThat(sma.barsSeen()).isEqualTo(7);
        assertThat(sma.signals()).isEqualTo(2);
        assertThat(sma.lastSignal()).isEqualTo(SmaCrossover.Signal.LONG);
    }

    @Test
    void equalAveragesAreNotACross() {
        // fast=1, slow=2: 10 10 -> equal at warm-up; 10 -> equal; 11 -> fast 11 > slow 10.5: LONG; 11 -> equal again;
        // 10 -> fast 10 < slow 10.5: SHORT
        SmaCrossover sma = run(Map.of("fast", "1", "slow", "2", "bars", "1t", "size", "0"), 10, 10, 10, 11, 11, 10);

        assertThat(sma.signals()).isEqualTo(2);
        assertThat(sma.lastSignal()).isEqualTo(SmaCrossover.Signal.SHORT);
    }

    @Test
    void tradesEachSignalToTheTargetPositionAtTheOppositeBest() {
        SmaCrossover strategy = new SmaCrossover();
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(io.tickflow.engine.sim.FillModel.conservative())
                .contract(ES)
                .strategy(StrategySpec.of("sma", strategy, ES.id()).withParams(
                        new StrategyParams("sma", Map.of("fast", "2", "slow", "3", "bars", "1t", "size", "2"))))
                .build();
        engine.start();
        io.tickflow.engine.ring.QuoteTranslator quote = new io.tickflow.engine.ring.QuoteTranslator();
        TradeTranslator trade = new TradeTranslator();
        long[] closes = {10, 11, 12, 9, 8, 13, 13};
        for (int i = 0; i < closes.length; i++) {
            long ts = 10L * (i + 1);
            engine.publisher().publish(quote.topOfBook(0, ts, ts, closes[i] - 1, 5, closes[i] + 1, 5));
            engine.publisher().publish(trade.set(0, ts + 1, ts + 1, closes[i], 1, Side.BUY));
        }
        engine.shutdown();

        // SHORT at the close 9 (sell 2 at bid 8), LONG at 13 (buy 4 at ask 14): short 2 from 8 to 14 = -6 ticks x 2
        assertThat(strategy.signals()).isEqualTo(2);
        var position = engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0);
        assertThat(position.net()).isEqualTo(2);
        assertThat(position.realizedTicks()).isEqualTo(-12);
        assertThat(position.lots()).isDeepEqualTo(new long[][] {{14, 2}});
    }

    @Test
    void badParametersAreRefusedWhenTheEngineIsBuiltWithTheParameterNamed() {
        Engine.Builder builder = Engine.builder().contract(ES).tickerPeriod(null)
                .strategy(StrategySpec.of("sma", new SmaCrossover(), ES.id())
                        .withParams(new StrategyParams("sma", Map.of("fast", "30", "slow", "10"))));

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo("slow");
            assertThat(e).hasMessage("strategy 'sma': parameter 'slow': expected more than fast (30), found 10");
        });
    }

    @Test
    void withBracketExitsThePositionNeverExceedsTheSizeAndEveryEntryIsProtected() {
        SmaCrossover sma = new SmaCrossover();
        BacktestResult result = new BacktestRunner(
                BacktestRunner.Settings.defaults()).run(List.of(ES),
                List.of(StrategySpec.of("sma", sma, ES.id()).withParams(new StrategyParams("sma",
                        Map.of("fast", "5", "slow", "20", "bars", "200t", "stopTicks", "8", "targetTicks", "12")))),
                new GeneratedMarketReplay(
                        GeneratorConfig.defaults(9), 0));
        long net = 0;
        for (FillRecord f : result.fills()) {
            net += f.side() == Side.BUY ? f.size() : -f.size();
            assertThat(Math.abs(net)).isLessThanOrEqualTo(1);
        }
        assertThat(sma.signals()).isGreaterThan(5);
        assertThat(result.trades()).as("exits by stop, target or the next signal").hasSizeGreaterThan(3);
    }
}
