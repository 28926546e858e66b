package io.tickflow.engine.market.bar;

import static io.tickflow.engine.market.bar.BarCollector.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.testing.TestContracts;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Feeding aggregators and querying the session calendar inside one session allocate nothing per
 * observation: the bytes this thread allocates are measured around 190,000 observations, after a
 * warm-up that covers the first session lookup. One allocation per observation would be over
 * 3 MB; the limit of {@link #JIT_SLACK} bytes only absorbs the JIT's occasional one-time
 * bookkeeping when it recompiles a call site (seen as a single 248-byte blip; the interpreter
 * ({@code -Xint}) measures exactly 0). A quick guard in the unit tests; the JMH GC profiler in
 * {@code benchmarks} is the authoritative measure.
 */
class SteadyStateAllocationTest {
    private static final int WARM_UP = 10_000;
    private static final long JIT_SLACK = 1_024;
    private static final int N = 200_000;
    /** 2025-11-23 17:00 CST: the session runs 23 hours, the observations 250 ms apart span under 14. */
    private static final long SESSION_OPEN = at("2025-11-23T23:00:00Z");
    private static final long STEP = 250_000_000L;

    private final long[] ts = new long[N];
    private final long[] price = new long[N];
    private final long[] volume = new long[N];

    SteadyStateAllocationTest() {
        Random random = new Random(42);
        long p = 20_000;
        for (int i = 0; i < N; i++) {
            ts[i] = SESSION_OPEN + i * STEP;
            p += random.nextInt(7) - 3;
            price[i] = p;
            volume[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(9);
        }
    }

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM does not report allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not report allocated bytes per thread");
        return threads;
    }

    private void feed(BarAggregator bars, int from, int to) {
        for (int i = from; i < to; i++) {
            bars.onPrice(ts[i], price[i], volume[i]);
            if ((i & 63) == 0) {
                bars.onTime(ts[i] + 1);
            }
        }
    }

    @Test
    void everyBarTypeAggregatesWithoutAllocatingPerObservation() {
        com.sun.management.ThreadMXBean threads = threads();
        String[] specs = {"1m", "7m", "1d", "7t", "25v", "6r", "4renko", "ha:1m", "ha:5t"};
        for (String spec : specs) {
            feed(BarAggregators.create(TestContracts.ES, BarSpec.parse(spec), SessionCalendar.cme(),
                    new BarSeriesBuffer(TestContracts.ES, BarSpec.parse(spec), 64)), 0, N);
        }
        for (String spec : specs) {
            BarSeriesBuffer series = new BarSeriesBuffer(TestContracts.ES, BarSpec.parse(spec), 64);
            BarAggregator bars = BarAggregators.create(TestContracts.ES, BarSpec.parse(spec), SessionCalendar.cme(), series);
            feed(bars, 0, WARM_UP);

            long before = threads.getCurrentThreadAllocatedBytes();
            feed(bars, WARM_UP, N);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(allocated).as("bytes allocated by %s bars over %d observations", spec, N - WARM_UP)
                    .isLessThan(JIT_SLACK);
            if (!spec.equals("1d")) {
                assertThat(series.total()).as("%s bars emitted", spec).isGreaterThan(10);
            }
        }
    }

    @Test
    void sessionQueriesInsideTheCachedSessionAllocateNothingPerQuery() {
        com.sun.management.ThreadMXBean threads = threads();
        SessionCalendar calendar = SessionCalendar.cme();
        long sum = query(calendar, 0, WARM_UP);

        long before = threads.getCurrentThreadAllocatedBytes();
        sum += query(calendar, WARM_UP, N);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated by %d x 5 session queries", N - WARM_UP).isLessThan(JIT_SLACK);
        assertThat(sum).isNotZero();
    }

    private long query(SessionCalendar calendar, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += calendar.sessionOpen(ts[i]) + calendar.sessionClose(ts[i]) + calendar.nextSessionOpen(ts[i]);
            sum += calendar.inSession(ts[i]) ? 1 : 0;
            sum += calendar.tradeDate(ts[i]).getDayOfMonth();
        }
        return sum;
    }
}
