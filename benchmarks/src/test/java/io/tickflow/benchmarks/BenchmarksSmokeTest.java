package io.tickflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark runs once, briefly, in this JVM, so a change that breaks one (a setup that
 * throws, a parity check that fails, a benchmark that no longer compiles) fails the build.
 * Speed is not asserted: CI machines are shared and these runs are far too short to mean
 * anything. The real figures come from {@code benchmarks/run}.
 */
class BenchmarksSmokeTest {
    @BeforeAll
    static void allowOtherJmhRuns() {
        // another JMH on the machine holds the lock; these runs measure nothing, so they need not wait for it
        System.setProperty("jmh.ignoreLock", "true");
    }

    @ParameterizedTest
    @ValueSource(classes = {RingHandoffBenchmark.class, OrderPathBenchmark.class, QuoteThroughputBenchmark.class,
            QuoteDecodeBenchmark.class, BacktestThroughputBenchmark.class})
    void runsOnceWithoutError(Class<?> benchmark) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).as("benchmarks run from %s", benchmark.getSimpleName()).isNotEmpty();
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
        }
    }

    @Test
    void theLoopbackHarnessRunsEndToEnd() throws Exception {
        Map<String, Object> figures = EndToEndLoopback.run(200, 0.2);
        assertThat(figures).containsKeys("loopback.latency.p50", "loopback.quotesPerSecond", "receive.signalrParse.p50",
                "receive.decode.p50", "receive.ringToStrategy.p50");
        assertThat(figures.get("loopback.droppedPayloads")).isEqualTo(0L);
    }
}
