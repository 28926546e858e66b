package io.tickflow.benchmarks;

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
import io.tickflow.engine.generator.GeneratedEvents;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.WaitStrategyKind;

/**
 * Generated ES quotes published through the inbound ring to one engine thread, where a
 * strategy keeps a bar series built from them. One operation = one quote published; with a
 * bounded ring the producer can run ahead of the engine thread by at most the ring size, so
 * the steady-state rate is the engine thread's.
 *
 * <p>Run with {@code -prof gc} to see allocation per quote (the engine's share shows as
 * {@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class QuoteThroughputBenchmark {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    private static final int EVENTS = 1 << 20;

    /** How the engine thread waits; BUSY_SPIN needs a free core for each thread. */
    @Param({"YIELDING", "BUSY_SPIN"})
    public String waitStrategy;

    /** The bar series the strategy keeps, built from the quotes' bids. */
    @Param({"1m@bid"})
    public String bars;

    private Engine engine;
    private InboundPublisher publisher;
    private BarKeepingStrategy strategy;
    private final QuoteTranslator quote = new QuoteTranslator();
    private long[] ts;
    private long[] bid;
    private long[] bidSize;
    private long[] ask;
    private long[] askSize;
    private int count;
    private int next;
    private long timeOffset;
    private long span;
    private long published;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratedEvents generated = GeneratedEvents.generate(GeneratorConfig.defaults(42).withSessions(3), EVENTS * 2);
        ts = new long[EVENTS];
        bid = new long[EVENTS];
        bidSize = new long[EVENTS];
        ask = new long[EVENTS];
        askSize = new long[EVENTS];
        for (int i = 0; i < generated.size() && count < EVENTS; i++) {
            if (generated.kind[i] == GeneratedEvents.QUOTE) {
                ts[count] = generated.ts[i];
                bid[count] = generated.bid[i];
                bidSize[count] = generated.bidSize[i];
                ask[count] = generated.ask[i];
                askSize[count] = generated.askSize[i];
                count++;
            }
        }
        span = ts[count - 1] - ts[0] + 1;
        strategy = new BarKeepingStrategy(BarSpec.parse(bars));
        engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true).withRingSize(1 << 16)
                        .withWaitStrategy(WaitStrategyKind.valueOf(waitStrategy)))
                .contract(ES)
                .strategy(StrategySpec.of("bars", strategy, ES.id()))
                .build();
        engine.start();
        publisher = engine.publisher();
    }

    /** Publishes the next quote; the buffer replays with time shifted forward so event time never runs back. */
    @Benchmark
    public void publishQuote() {
        int i = next;
        publisher.publish(quote.topOfBook(0, ts[i] + timeOffset, 0, bid[i], bidSize[i], ask[i], askSize[i]));
        if (++i == count) {
            i = 0;
            timeOffset += span;
        }
        next = i;
        published++;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (!engine.shutdown() || strategy.quotes() != published) {
            throw new IllegalStateException("the strategy saw " + strategy.quotes() + " of " + published + " quotes");
        }
    }
}
