package io.tickflow.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.backtest.BarReplay.InputBar;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.testing.SharedData;

/** A week of real ES minute bars (../shared/data/esz3-2013-10-07_11-1m-trades.csv) through the bar model. */
class RealBarsBacktestTest {
    private static final Contract ESZ3 = Contract.of("CON.F.US.EP.Z13", "ESZ3", "0.25", "12.50", "USD");

    /** Follows the direction of each 1-minute bar: long after an up bar, short after a down bar. */
    private static final class Follower implements Strategy {
        final List<String> bars = new ArrayList<>();
        private StrategyContext ctx;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            context.bars(ESZ3, "1m");
        }

        @Override
        public void onBar(BarView b) {
            bars.add(b.tsOpen() + " " + b.open() + " " + b.high() + " " + b.low() + " " + b.close() + " " + b.volume());
            long target = Long.compare(b.close(), b.open());
            long change = target - ctx.orders().position(ESZ3);
            if (change != 0) {
                ctx.orders().market(ESZ3, change > 0 ? Side.BUY : Side.SELL, Math.abs(change));
            }
        }
    }

    private static List<InputBar> read(Path file) throws IOException {
        List<InputBar> bars = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("ts_event,open,high,low,close,volume");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Instant t = Instant.parse(f[0]);
            bars.add(new InputBar(t.getEpochSecond() * 1_000_000_000L, 60_000_000_000L,
                    ESZ3.toTicks(new BigDecimal(f[1])), ESZ3.toTicks(new BigDecimal(f[2])),
                    ESZ3.toTicks(new BigDecimal(f[3])), ESZ3.toTicks(new BigDecimal(f[4])), Long.parseLong(f[5])));
        }
        return bars;
    }

    @Test
    void aWeekOfRealMinuteBarsIsRebuiltExactlyAndTradedDeterministically() throws IOException {
        List<InputBar> input = read(SharedData.require("esz3-2013-10-07_11-1m-trades.csv"));
        assertThat(input).hasSize(6_826);

        Follower first = new Follower();
        BacktestResult a = new BacktestRunner(BacktestRunner.Settings.defaults().withFillModel(FillModel.bars(1)))
                .run(List.of(ESZ3), List.of(StrategySpec.of("follower", first, ESZ3.id())), new BarReplay(input, 0));
        Follower second = new Follower();
        BacktestResult b = new BacktestRunner(BacktestRunner.Settings.defaults().withFillModel(FillModel.bars(1)))
                .run(List.of(ESZ3), List.of(StrategySpec.of("follower", second, ESZ3.id())), new BarReplay(input, 0));

        // every input bar but the last comes back as a completed 1-minute bar with the same OHLCV
        assertThat(first.bars).hasSize(input.size() - 1);
        for (int i = 0; i < first.bars.size(); i++) {
            InputBar bar = input.get(i);
            assertThat(first.bars.get(i)).isEqualTo(bar.tsOpen() + " " + bar.open() + " " + bar.high() + " " + bar.low()
                    + " " + bar.close() + " " + bar.volume());
        }
        assertThat(a.fills()).isNotEmpty().isEqualTo(b.fills());
        assertThat(a.stats()).isEqualTo(b.stats());
        // a fill never happens at the close of the bar that decided it: every fill is at a later bar's open + 1 tick
        assertThat(a.fills()).allSatisfy(f -> assertThat(f.tsEvent() % 60_000_000_000L).isZero());
    }
}
