package io.tickflow.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.BarReplay;
import io.tickflow.engine.backtest.MarketReplay;
import io.tickflow.engine.generator.GeneratedEvents;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.strategies.SmaCrossover;

/**
 * The strategies module's {@link SmaCrossover} (fast 10, slow 30, on 1m bars) over the same
 * 10,000 generated minute bars, by tickflow and by ta4j 0.17 (see {@link CrossoverRuns} for
 * what each run does and {@code benchmarks/README.md} for where their semantics differ). At
 * setup the two are checked to enter and exit on the same bars at the same prices; the
 * benchmark refuses to run otherwise. One operation = one bar ({@code ticks}: one tick), so
 * the scores are bars/s (ticks/s).
 *
 * <ul>
 *   <li>{@code tickflowBacktest}: the full backtest runner, each bar walked tick by tick
 *       through ring, aggregator, strategy, risk, router and simulated exchange (~26 events a bar).
 *   <li>{@code tickflowBarWalkInline}: the same walk and fills on the benchmark thread (the
 *       engine inline, no ring hop, no equity marks): the runner's work minus its handoff.
 *   <li>{@code tickflowBarEvents}: the engine fed the bars as bar events, signals only.
 *   <li>{@code ta4jDoubleNum}, {@code ta4jDecimalNum}: ta4j's backtest with its fast and its
 *       default (BigDecimal) number type; indicators are built afresh each run, since they cache.
 *   <li>{@code tickflowTicks}: a tick-level backtest: 1,000,000 generated quotes and prints
 *       (one ES session) through the backtest runner, the strategy on 1m bars built from them.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BacktestThroughputBenchmark {
    static final int BARS = 10_000;
    static final int TICKS = 1_000_000;

    private static CrossoverRuns.Parity parity;
    private List<BarReplay.InputBar> bars;
    private BarSeries doubleSeries;
    private BarSeries decimalSeries;
    private GeneratedEvents ticks;

    @Setup(Level.Trial)
    public void setUp() {
        bars = GeneratedBars.minuteBars(42, BARS);
        synchronized (BacktestThroughputBenchmark.class) {
            // once per JVM: a fork runs one benchmark, an in-process smoke run all of them
            if (parity == null) {
                parity = CrossoverRuns.check(bars);
                System.out.println("parity: " + parity);
            }
        }
        doubleSeries = CrossoverRuns.ta4jSeries(bars, DoubleNum.class);
        decimalSeries = CrossoverRuns.ta4jSeries(bars, DecimalNum.class);
        ticks = GeneratedEvents.generate(GeneratorConfig.defaults(42), TICKS);
        if (ticks.size() != TICKS) {
            throw new IllegalStateException("the generator gave " + ticks.size() + " of " + TICKS + " events");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public Object tickflowBacktest() {
        SmaCrossover strategy = new SmaCrossover();
        BacktestResult result = CrossoverRuns.tickflowBacktest(bars, strategy);
        if (strategy.barsSeen() < BARS - 1) {
            throw new IllegalStateException("the strategy saw " + strategy.barsSeen() + " bars");
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long tickflowBarWalkInline() {
        return CrossoverRuns.tickflowBarWalkInline(bars, new SmaCrossover());
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long tickflowBarEvents() {
        SmaCrossover strategy = new SmaCrossover();
        CrossoverRuns.tickflowBarEvents(bars, strategy);
        return strategy.signals();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public Object ta4jDoubleNum() {
        return CrossoverRuns.ta4j(doubleSeries);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public Object ta4jDecimalNum() {
        return CrossoverRuns.ta4j(decimalSeries);
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public Object tickflowTicks() {
        SmaCrossover strategy = new SmaCrossover();
        MarketReplay replay = target -> {
            GeneratedEvents g = ticks;
            for (int i = 0; i < TICKS; i++) {
                if (g.kind[i] == GeneratedEvents.QUOTE) {
                    target.quote(0, g.ts[i], g.bid[i], g.bidSize[i], g.ask[i], g.askSize[i]);
                } else {
                    target.trade(0, g.ts[i], g.bid[i], g.bidSize[i], Side.fromCode(g.aggressor[i]));
                }
            }
        };
        BacktestRunner runner = new BacktestRunner(BacktestRunner.Settings.defaults().withFillModel(FillModel.conservative()));
        return runner.run(List.of(CrossoverRuns.ES), List.of(CrossoverRuns.spec(strategy, 1)), replay);
    }
}
