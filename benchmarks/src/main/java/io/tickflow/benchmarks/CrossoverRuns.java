package io.tickflow.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.BarReplay;
import io.tickflow.engine.backtest.FillRecord;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.BarTranslator;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyParams;
import io.tickflow.strategies.SmaCrossover;

/**
 * The same moving-average crossover on the same bars, run three ways, and the check that
 * they agree on where the strategy enters and exits.
 *
 * <ul>
 *   <li>{@link #tickflowBacktest}: tickflow's {@link BacktestRunner}: each bar replayed as a
 *       tick walk ({@link BarReplay}) through the ring, the 1m bar aggregator, the strategy,
 *       risk, router and simulated exchange with the bar fill model — market orders fill at
 *       the next bar's open. The strategy trades: long 1 or short 1, reversing.
 *   <li>{@link #tickflowBarEvents}: the engine in inline mode fed the bars as bar events
 *       (no walk, no fills): the strategy only gives signals — the part of the work ta4j does.
 *   <li>{@link #ta4j}: ta4j's {@code BarSeriesManager} over a {@code BarSeries}: SMA
 *       indicators, {@code CrossedUp}/{@code CrossedDown} rules, trades at the next bar's open.
 * </ul>
 */
final class CrossoverRuns {
    static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    static final int FAST = 10;
    static final int SLOW = 30;

    private CrossoverRuns() {
    }

    static StrategySpec spec(Strategy strategy, long size) {
        return StrategySpec.of("sma", strategy, ES.id()).withParams(new StrategyParams("sma",
                Map.of("fast", Integer.toString(FAST), "slow", Integer.toString(SLOW), "bars", "1m",
                        "size", Long.toString(size))));
    }

    /** The full backtest: bar walk, fills at the next open. */
    static BacktestResult tickflowBacktest(List<BarReplay.InputBar> bars, Strategy strategy) {
        BacktestRunner runner = new BacktestRunner(BacktestRunner.Settings.defaults().withFillModel(FillModel.bars(0)));
        return runner.run(List.of(ES), List.of(spec(strategy, 1)), new BarReplay(bars, 0));
    }

    /**
     * The backtest's bar walk and fills, but on the calling thread: the engine in inline mode
     * (no ring hop), the simulated exchange with the bar fill model. What the runner does,
     * minus the handoff to its engine thread and the equity-curve marks.
     *
     * @return the position at the end
     */
    static long tickflowBarWalkInline(List<BarReplay.InputBar> bars, Strategy strategy) {
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true).withRingSize(64))
                .simulatedExchange(FillModel.bars(0))
                .contract(ES)
                .strategy(spec(strategy, 1))
                .build();
        engine.startInline();
        io.tickflow.engine.ring.QuoteTranslator quote = new io.tickflow.engine.ring.QuoteTranslator();
        io.tickflow.engine.ring.TradeTranslator trade = new io.tickflow.engine.ring.TradeTranslator();
        new BarReplay(bars, 0).replay(new io.tickflow.engine.backtest.ReplayTarget() {
            @Override
            public void quote(int contract, long ts, long bid, long bidSize, long ask, long askSize) {
                engine.processInline(quote.topOfBook(contract, ts, ts, bid, bidSize, ask, askSize));
            }

            @Override
            public void trade(int contract, long ts, long price, long size, Side aggressor) {
                engine.processInline(trade.set(contract, ts, ts, price, size, aggressor));
            }
        });
        long position = engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net();
        engine.stopInline();
        return position;
    }

    /** Bars straight to the strategy as bar events, signals only, on the calling thread. */
    static void tickflowBarEvents(List<BarReplay.InputBar> bars, Strategy strategy) {
        Engine engine = Engine.builder()
                // inline: the ring is never used, so it need not be the default 65,536 slots
                .config(EngineConfig.defaults().withEventTime(true).withRingSize(64))
                .contract(ES)
                .strategy(spec(strategy, 0))
                .build();
        engine.startInline();
        BarTranslator bar = new BarTranslator();
        for (int i = 0; i < bars.size(); i++) {
            BarReplay.InputBar b = bars.get(i);
            engine.processInline(bar.set(0, b.tsOpen(), b.tsOpen(), b.lengthNanos(), b.open(), b.high(), b.low(),
                    b.close(), b.volume()));
        }
        engine.stopInline();
    }

    /** The bars as a ta4j series, prices in ticks (whole numbers, exact in either Num type). */
    static BarSeries ta4jSeries(List<BarReplay.InputBar> bars, Class<? extends Num> numType) {
        BarSeries series = new BaseBarSeriesBuilder().withName("ES").withNumTypeOf(numType).build();
        for (BarReplay.InputBar b : bars) {
            series.addBar(Duration.ofNanos(b.lengthNanos()),
                    Instant.ofEpochSecond(0, b.tsOpen() + b.lengthNanos()).atZone(ZoneOffset.UTC),
                    b.open(), b.high(), b.low(), b.close(), b.volume());
        }
        return series;
    }

    /** ta4j's backtest: fresh indicators (they cache), long on a cross up, out on a cross down. */
    static TradingRecord ta4j(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, FAST);
        SMAIndicator slow = new SMAIndicator(close, SLOW);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), SLOW);
        return new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy);
    }

    /**
     * Runs the tickflow backtest and ta4j on {@code bars} and compares entries and exits: ta4j
     * trades long only, so tickflow's signals are read as ta4j would act on them (a LONG when
     * flat enters, a SHORT when long exits, any other signal leaves it as it is). Both must act
     * on the same bars at the same prices, and tickflow's fills must be at the next bar's open.
     *
     * @return what was compared
     * @throws IllegalStateException naming the first difference
     */
    static Parity check(List<BarReplay.InputBar> bars) {
        SignalTap tap = new SignalTap();
        BacktestResult result = tickflowBacktest(bars, tap);
        int seen = tap.barOpens.size();
        if (seen < bars.size() - 1) {
            throw new IllegalStateException("tickflow's strategy saw " + seen + " of " + bars.size() + " bars");
        }
        for (int i = 0; i < seen; i++) {
            if (tap.barOpens.get(i) != bars.get(i).tsOpen()) {
                throw new IllegalStateException("tickflow's bar " + i + " opened at " + tap.barOpens.get(i)
                        + ", the input bar at " + bars.get(i).tsOpen());
            }
        }
        SignalTap events = new SignalTap();
        tickflowBarEvents(bars, events);
        if (!events.signals.subList(0, countBelow(events.signals, seen)).equals(tap.signals)) {
            throw new IllegalStateException("bar events and the bar walk gave different signals");
        }
        SignalTap inline = new SignalTap();
        long endPosition = tickflowBarWalkInline(bars, inline);
        if (!inline.signals.equals(tap.signals)) {
            throw new IllegalStateException("the inline bar walk and the backtest runner gave different signals");
        }
        long runnerPosition = 0;
        for (FillRecord fill : result.fills()) {
            runnerPosition += fill.side() == Side.BUY ? fill.size() : -fill.size();
        }
        if (endPosition != runnerPosition) {
            throw new IllegalStateException("the inline bar walk ended at position " + endPosition + ", the runner at "
                    + runnerPosition);
        }
        // what ta4j would do with tickflow's signals, as {bar index of the trade, +1 buy / -1 sell, price}
        List<long[]> expected = new ArrayList<>();
        boolean long_ = false;
        for (SignalTap.Signal s : tap.signals) {
            if (s.index() + 1 >= seen) {
                break;
            }
            if (s.direction() == SmaCrossover.Signal.LONG && !long_) {
                expected.add(new long[] {s.index() + 1, 1, bars.get(s.index() + 1).open()});
                long_ = true;
            } else if (s.direction() == SmaCrossover.Signal.SHORT && long_) {
                expected.add(new long[] {s.index() + 1, -1, bars.get(s.index() + 1).open()});
                long_ = false;
            }
        }
        List<long[]> actual = new ArrayList<>();
        for (Trade t : ta4j(ta4jSeries(bars, org.ta4j.core.num.DoubleNum.class)).getTrades()) {
            if (t.getIndex() < seen) {
                actual.add(new long[] {t.getIndex(), t.isBuy() ? 1 : -1, t.getPricePerAsset().longValue()});
            }
        }
        compare(expected, actual);
        checkFills(bars, tap, result.fills());
        return new Parity(bars.size(), tap.signals.size(), actual.size(), result.fills().size());
    }

    /** What {@link #check} compared. */
    record Parity(int bars, int signals, int ta4jTrades, int tickflowFills) {
        @Override
        public String toString() {
            return signals + " signals on " + bars + " bars; " + ta4jTrades + " ta4j trades at the same bars and prices; "
                    + tickflowFills + " tickflow fills, each at the next bar's open";
        }
    }

    private static int countBelow(List<SignalTap.Signal> signals, int bars) {
        int n = 0;
        while (n < signals.size() && signals.get(n).index() < bars) {
            n++;
        }
        return n;
    }

    private static void compare(List<long[]> expected, List<long[]> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            long[] e = i < expected.size() ? expected.get(i) : null;
            long[] a = i < actual.size() ? actual.get(i) : null;
            if (e == null || a == null || !java.util.Arrays.equals(e, a)) {
                throw new IllegalStateException("trade " + i + " differs: tickflow's signals say "
                        + (e == null ? "none" : java.util.Arrays.toString(e)) + ", ta4j did "
                        + (a == null ? "none" : java.util.Arrays.toString(a)) + " ({bar, +buy/-sell, price in ticks})");
            }
        }
    }

    /** Every position-changing signal at bar i fills once, within bar i+1, at its open. */
    private static void checkFills(List<BarReplay.InputBar> bars, SignalTap tap, List<FillRecord> fills) {
        long position = 0;
        int f = 0;
        for (SignalTap.Signal s : tap.signals) {
            long target = s.direction() == SmaCrossover.Signal.LONG ? 1 : -1;
            if (target == position || s.index() + 1 >= tap.barOpens.size()) {
                continue;
            }
            BarReplay.InputBar next = bars.get(s.index() + 1);
            if (f >= fills.size()) {
                throw new IllegalStateException("no fill for the signal at bar " + s.index());
            }
            FillRecord fill = fills.get(f++);
            Side side = target > position ? Side.BUY : Side.SELL;
            if (fill.side() != side || fill.size() != Math.abs(target - position) || fill.priceTicks() != next.open()
                    || fill.tsEvent() < next.tsOpen() || fill.tsEvent() >= next.tsOpen() + next.lengthNanos()) {
                throw new IllegalStateException("the fill for the signal at bar " + s.index() + " is " + fill
                        + ", not " + side + " " + Math.abs(target - position) + " at the next open " + next.open());
            }
            position = target;
        }
    }
}
