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
import io.tickflow.engine.time.SessionCalendar;

/** The breakout on generated sessions: one entry a session at most, after the range, always protected. */
class OpeningRangeBreakoutTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");

    @Test
    void entersAtMostOncePerSessionAfterTheRangeAndTheTrailingStopExits() {
        OpeningRangeBreakout orb = new OpeningRangeBreakout();
        BacktestResult result = new BacktestRunner(BacktestRunner.Settings.defaults()).run(List.of(ES),
                List.of(StrategySpec.of("orb", orb, ES.id()).withParams(new StrategyParams("orb",
                        Map.of("rangeMinutes", "30", "trailTicks", "12")))),
                new GeneratedMarketReplay(GeneratorConfig.defaults(7).withSessions(3), 0));

        SessionCalendar cme = SessionCalendar.cme();
        List<FillRecord> fills = result.fills();
        assertThat(orb.entries()).as("a breakout in at least one of three sessions").isPositive();
        assertThat(orb.entries()).isLessThanOrEqualTo(3);
        long net = 0;
        for (FillRecord f : fills) {
            long open = cme.sessionOpen(f.tsEvent());
            assertThat(f.tsEvent()).as("no fill inside the opening range").isGreaterThanOrEqualTo(open
                    + 30 * 60_000_000_000L);
            net += f.side() == Side.BUY ? f.size() : -f.size();
            assertThat(Math.abs(net)).as("never more than one contract").isLessThanOrEqualTo(1);
        }
        assertThat(fills.size()).as("every entry's trailing stop (or the close flatten) closed it")
                .isGreaterThanOrEqualTo((int) (2 * orb.entries() - 1));
    }
}
