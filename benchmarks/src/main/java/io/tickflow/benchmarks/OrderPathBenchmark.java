package io.tickflow.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * The in-process trading path, on one thread (the engine in inline mode, so no ring hop is
 * measured): a quote is merged into market state and delivered to a strategy; in
 * {@code ORDER} mode the strategy then cancels its previous resting limit order and places a
 * new one, which passes the risk gate (size, position, working orders, price band; the rate
 * rule is off, since a benchmark sends far more orders a second than any limit allows),
 * the router and the simulated exchange, whose answers (acks, order updates) are processed
 * before the call returns. {@code ORDER_1_IN_100} is the mix a quoting strategy sees: 99 quotes
 * that only update state, then one that replaces the order; its percentiles show what the
 * occasional intent costs the quotes around it. One operation = one quote.
 *
 * <p>Run with {@code -prof gc}: {@code QUOTE} must allocate nothing per quote.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderPathBenchmark {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");

    /** QUOTE: quotes that produce no order; ORDER: every quote replaces a resting order; ORDER_1_IN_100: one quote in 100 does. */
    @Param({"QUOTE", "ORDER", "ORDER_1_IN_100"})
    public String mode;

    private Engine engine;
    private final QuoteTranslator quote = new QuoteTranslator();
    private long ts = 1_764_000_000_000_000_000L;
    private long bid = 24_000;

    /** Replaces its resting buy limit, 10 ticks under the bid, on every {@code every}-th quote (never if 0). */
    static final class Requoter implements Strategy {
        private final int every;
        private StrategyContext ctx;
        private long resting;
        private int countdown;
        long seen;

        Requoter(int every) {
            this.every = every;
            this.countdown = every;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            seen += q.bidSize();
            if (every > 0 && --countdown == 0) {
                countdown = every;
                if (resting != 0) {
                    ctx.orders().cancel(resting);
                }
                resting = ctx.orders().limit(ES, Side.BUY, 1, q.bidTicks() - 10);
            }
        }
    }

    private Requoter strategy;

    @Setup(Level.Trial)
    public void setUp() {
        strategy = new Requoter(mode.equals("ORDER") ? 1 : mode.equals("ORDER_1_IN_100") ? 100 : 0);
        engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative())
                .risk(RiskLimits.none().withMaxOrderSize(10).withMaxPosition(5, 10).withMaxWorkingOrders(100).withPriceBand(50),
                        Map.of())
                .contract(ES)
                .strategy(StrategySpec.of("requoter", strategy, ES.id()))
                .build();
        engine.startInline();
    }

    @Benchmark
    public void quote() {
        ts += 1_000;
        bid = bid == 24_000 ? 24_001 : 24_000;
        engine.processInline(quote.topOfBook(0, ts, ts, bid, 10, bid + 1, 12));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.stopInline();
        if (strategy.seen == 0) {
            throw new IllegalStateException("the strategy saw no quote");
        }
    }
}
