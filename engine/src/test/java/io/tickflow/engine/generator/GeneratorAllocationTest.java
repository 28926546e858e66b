package io.tickflow.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;

/**
 * A cheap guard that generating events allocates nothing per event; the JMH GC profiler
 * remains the proof. Per-event garbage would show as megabytes, so the budget only absorbs
 * the measurement's own noise and the few {@code java.time} objects of a session open.
 */
class GeneratorAllocationTest {
    private static final long EVENTS = 1_000_000;
    private static final long BUDGET_BYTES = 64 * 1024;

    /** Folds the events into one number, so nothing is optimised away; allocates nothing. */
    private static final class Summing implements MarketDataSink {
        long sum;
        long events;

        @Override
        public void onQuote(long ts, long bid, long bidSize, long ask, long askSize) {
            sum += ts ^ bid + bidSize + ask + askSize;
            events++;
        }

        @Override
        public void onTrade(long ts, long price, long size, Side aggressor) {
            sum += ts ^ price + size + aggressor.code();
            events++;
        }
    }

    @Test
    void generatingAMillionEventsAllocatesNothingPerEvent() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not measure per-thread allocation; skipping the allocation check");
        long seed = 13;
        MarketDataGenerator generator = new MarketDataGenerator(GeneratorConfig.defaults(seed).withSessions(5));
        Summing sink = new Summing();
        while (sink.events < 20_000 && generator.next(sink)) {
            // warm up: the first session is open, its quotes under way
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        while (sink.events < 20_000 + EVENTS && generator.next(sink)) {
            // measured
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink.events).as("seed %d", seed).isEqualTo(20_000 + EVENTS);
        assertThat(allocated).as("seed %d: bytes allocated generating %d events", seed, EVENTS).isLessThan(BUDGET_BYTES);
    }
}
