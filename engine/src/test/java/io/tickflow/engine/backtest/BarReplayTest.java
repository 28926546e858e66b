package io.tickflow.engine.backtest;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.backtest.BarReplay.InputBar;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.Orders;
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

    /** At the close of the bars it is given, by bar number from 1, does what it is given. */
    private static final class AtCloses implements Strategy {
        private final Map<Integer, Consumer<Orders>> actions;
        private StrategyContext ctx;
        private int bars;

        AtCloses(Map<Integer, Consumer<Orders>> actions) {
            this.actions = actions;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            context.bars(ES, "1m");
        }

        @Override
        public void onBar(BarView b) {
            actions.getOrDefault(++bars, o -> { }).accept(ctx.orders());
        }
    }

    private static BacktestResult run(long slippage, Map<Integer, Consumer<Orders>> actions, InputBar... bars) {
        return new BacktestRunner(BacktestRunner.Settings.defaults().withFillModel(FillModel.bars(slippage)))
                .run(List.of(ES), List.of(StrategySpec.of("at-closes", new AtCloses(actions), ES.id())),
                        new BarReplay(List.of(bars), 0));
    }

    private static List<String> fills(BacktestResult r) {
        return r.fills().stream().map(f -> f.side() + " " + f.priceTicks() + " in bar " + (f.tsEvent() - T0) / MINUTE)
                .toList();
    }

    @Test
    void stopsTheBarsRangeReachesFillAtTheStopPlusSlippageAndOneItMissesKeepsWorking() {
        BacktestResult r = run(2, Map.of(1, o -> {
            o.stop(ES, Side.BUY, 1, 105);
            o.stop(ES, Side.SELL, 1, 101);
            o.stop(ES, Side.SELL, 1, 100);
        }),
                bar(0, 100, 103, 99, 102),
                // an up bar walks open, low, high, close: 102 down to 101, up to 106, back to 104
                bar(1, 102, 106, 101, 104),
                bar(2, 104, 104, 104, 104));

        assertThat(fills(r)).containsExactly("SELL 99 in bar 1", "BUY 107 in bar 1");
        assertThat(r.workingOrders()).as("the sell stop at 100, below the bar's low").isEqualTo(1);
    }

    @Test
    void stopsTheOpenGapsThroughFillAtTheOpenPlusSlippage() {
        BacktestResult r = run(2, Map.of(
                        1, o -> o.stop(ES, Side.BUY, 1, 104),
                        2, o -> o.stop(ES, Side.SELL, 1, 100)),
                bar(0, 100, 103, 99, 102),
                bar(1, 107, 108, 106, 107),
                bar(2, 95, 96, 94, 96),
                bar(3, 96, 96, 96, 96));

        assertThat(fills(r)).containsExactly("BUY 109 in bar 1", "SELL 93 in bar 2");
    }

    @Test
    void limitsFillAtTheirPriceWhenTheRangeReachesItAndAtTheOpenWhenItGapsThroughWhetherRestingOrNewWithoutSlippage() {
        BacktestResult r = run(3, Map.of(
                        1, o -> {
                            o.limit(ES, Side.BUY, 1, 100);
                            o.limit(ES, Side.SELL, 1, 104);
                        },
                        2, o -> o.limit(ES, Side.SELL, 1, 104)),
                bar(0, 100, 103, 99, 102),
                // a down bar walks open, high, low, close: 102 up to 103, down to 99, back to 101
                bar(1, 102, 103, 99, 101),
                // opens at 106, through the sell limit at 104
                bar(2, 106, 107, 105, 106),
                bar(3, 106, 106, 106, 106));

        // the sell limit resting above bar 1's high and the one decided at its close both fill at bar 2's open
        assertThat(fills(r)).containsExactly("BUY 100 in bar 1", "SELL 106 in bar 2", "SELL 106 in bar 2");
        assertThat(r.fills()).extracting(FillRecord::clientOrderId).doesNotHaveDuplicates();
        assertThat(r.workingOrders()).isZero();
    }

    @Test
    void marketOrdersFillAtTheNextBarsOpenPlusSlippageNeverAtTheCloseTheyWereDecidedOn() {
        BacktestResult r = run(1, Map.of(
                        1, o -> o.market(ES, Side.BUY, 1),
                        2, o -> o.market(ES, Side.SELL, 1)),
                bar(0, 100, 103, 99, 102),
                bar(1, 100, 105, 100, 104),
                bar(2, 107, 108, 106, 107));

        // closes 102 and 104; the next opens 100 and 107
        assertThat(fills(r)).containsExactly("BUY 101 in bar 1", "SELL 106 in bar 2");
        assertThat(r.fills()).allSatisfy(f -> assertThat((f.tsEvent() - T0) % MINUTE).as("at the bar's open").isZero());
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnlCents()).isEqualTo(5 * 1250));
    }

    @Test
    void inconsistentBarsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> new InputBar(T0, MINUTE, 100, 99, 98, 100, 1))
                .hasMessageContaining("inconsistent bar").hasMessageContaining("h=99");
        assertThatThrownBy(() -> new InputBar(T0, 0, 100, 100, 100, 100, 1)).hasMessageContaining("length=0");
    }
}
