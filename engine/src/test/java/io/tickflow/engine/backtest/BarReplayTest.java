package io.tickflow.engine.backtest;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.backtest.BarReplay.InputBar;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** The bar fill model, on bars whose fills are worked out by hand. */
class BarReplayTest {
    private static final long MINUTE = 60_000_000_000L;
    /** 2025-11-24T15:00:00Z, inside the CME session. */
    private static final long T0 = 1_763_996_400_000_000_000L;

    private static InputBar bar(int i, long o, long h, long l, long c) {
        return new InputBar(T0 + i * MINUTE, MINUTE, o, h, l, c, 100);
    }

    /** Acts at the close of each 1-minute bar, by bar number. */
    private static final class Script implements Strategy {
        final List<String> bars = new ArrayList<>();
        private StrategyContext ctx;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            context.bars(ES, "1m");
        }

        @Override
        public void onBar(BarView b) {
            bars.add(b.open() + "/" + b.high() + "/" + b.low() + "/" + b.close() + " v" + b.volume());
            switch (bars.size()) {
                case 1 -> ctx.orders().market(ES, Side.BUY, 1);
                case 2 -> ctx.orders().oco(ES, Side.SELL, 1, 108, 103);
                case 3 -> ctx.orders().limit(ES, Side.BUY, 1, 100);
                default -> {
                }
            }
        }
    }

    @Test
    void ordersDecidedAtACloseFillInLaterBarsAtThePricesTheModelPromises() {
        Script script = new Script();
        List<InputBar> input = List.of(
                bar(0, 100, 103, 99, 102),
                bar(1, 105, 106, 104, 104),
                bar(2, 104, 109, 104, 108),
                bar(3, 98, 99, 97, 99),
                bar(4, 99, 99, 99, 99));
        BacktestResult r = new BacktestRunner(BacktestRunner.Settings.defaults().withFillModel(FillModel.bars(1)))
                .run(List.of(ES), List.of(StrategySpec.of("script", script, ES.id())), new BarReplay(input, 0));

        // the 1-minute bars rebuilt from the walk are the input bars
        assertThat(script.bars).startsWith("100/103/99/102 v100", "105/106/104/104 v100", "104/109/104/108 v100",
                "98/99/97/99 v100");
        assertThat(r.fills()).extracting(f -> f.side() + " " + f.priceTicks()).containsExactly(
                // market buy at bar 1's close fills at bar 2's open (gapped to 105) + 1 tick slippage
                "BUY 106",
                // OCO sell limit 108 is reached in bar 3 (fills at its price); the stop at 103 never is
                "SELL 108",
                // buy limit 100 at bar 3's close: bar 4 opens at 98, through it: filled at the open
                "BUY 98");
        assertThat(r.trades()).hasSize(1);
        assertThat(r.trades().get(0).pnlCents()).isEqualTo(2 * 1250);
    }

    @Test
    void inconsistentBarsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> new InputBar(T0, MINUTE, 100, 99, 98, 100, 1))
                .hasMessageContaining("inconsistent bar").hasMessageContaining("h=99");
        assertThatThrownBy(() -> new InputBar(T0, 0, 100, 100, 100, 100, 1)).hasMessageContaining("length=0");
    }
}
