package io.tickflow.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.FillRecord;
import io.tickflow.engine.backtest.GeneratedMarketReplay;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.StrategyParams;

/** The pair on two generated markets: whenever it trades, one contract long and the other short. */
class RelativeStrengthPairTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ES", "0.25", "12.50", "USD");
    private static final Contract NQ = Contract.of("CON.F.US.ENQ.Z25", "NQ", "0.25", "5.00", "USD");

    @Test
    void theLegsAreAlwaysOppositeAfterEachSwitch() {
        RelativeStrengthPair pairStrategy = new RelativeStrengthPair();
        BacktestResult result = new BacktestRunner(BacktestRunner.Settings.defaults()).run(List.of(ES, NQ),
                List.of(StrategySpec.of("pair", pairStrategy, ES.id(), NQ.id()).withParams(new StrategyParams("pair",
                        Map.of("bars", "5m", "lookback", "6", "thresholdBps", "5")))),
                GeneratedMarketReplay.merged(List.of(GeneratorConfig.defaults(3),
                        GeneratorConfig.defaults(4).withStartBidTicks(100_000))));

        assertThat(pairStrategy.switches()).as("the pair traded").isPositive();
        long[] net = new long[2];
        List<FillRecord> fills = result.fills();
        for (int i = 0; i < fills.size(); i++) {
            FillRecord f = fills.get(i);
            net[f.contract()] += f.side() == Side.BUY ? f.size() : -f.size();
            boolean lastAtThisTime = i + 1 == fills.size() || fills.get(i + 1).tsEvent() != f.tsEvent();
            if (lastAtThisTime) {
                assertThat(net[0]).as("after the fills at %d", f.tsEvent()).isEqualTo(-net[1]);
                assertThat(Math.abs(net[0])).isEqualTo(1);
            }
        }
    }
}
