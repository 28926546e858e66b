package io.tickflow.engine.market.book;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Contract;

/**
 * A cheap guard that book updates stay allocation-free once the arrays have grown; the JMH
 * GC profiler remains the proof. Per-update garbage would show as megabytes here, so the
 * budget only absorbs the measurement's own noise.
 */
class OrderBookAllocationTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    private static final int OPS = 1 << 20;
    private static final long BUDGET_BYTES = 64 * 1024;

    @Test
    void updatesDeletesAndRejectionsAllocateNothingOnceTheBookHasGrown() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not measure per-thread allocation; skipping the allocation check");
        long seed = 5;
        Random random = new Random(seed);
        byte[] sides = new byte[OPS];
        long[] prices = new long[OPS];
        long[] sizes = new long[OPS];
        for (int i = 0; i < OPS; i++) {
            boolean bid = random.nextBoolean();
            sides[i] = (byte) (bid ? 0 : 1);
            // mostly the near levels, a few across the touch (rejected), sizes 0 delete
            long away = random.nextInt(10) == 0 ? -random.nextInt(3) : random.nextInt(40);
            prices[i] = bid ? 9_999 - away : 10_000 + away;
            sizes[i] = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100);
        }
        OrderBook book = new OrderBook(ES, 4);
        long checksum = apply(book, sides, prices, sizes);

        long before = threads.getCurrentThreadAllocatedBytes();
        checksum += apply(book, sides, prices, sizes);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(book.rejectedCount()).as("seed %d: the workload includes crossed updates", seed).isPositive();
        assertThat(checksum).isNotZero();
        assertThat(allocated).as("seed %d: bytes allocated by %d book operations", seed, OPS).isLessThan(BUDGET_BYTES);
    }

    private static long apply(OrderBook book, byte[] sides, long[] prices, long[] sizes) {
        long checksum = 0;
        for (int i = 0; i < sides.length; i++) {
            BookUpdateResult result = i % 7 == 0
                    ? book.delete(sides[i] == 0 ? BUY : SELL, prices[i], i)
                    : book.update(sides[i] == 0 ? BUY : SELL, prices[i], sizes[i], i);
            checksum += result.ordinal() + book.bestBidTicks() + book.sizeAt(SELL, prices[i]);
        }
        return checksum;
    }
}
