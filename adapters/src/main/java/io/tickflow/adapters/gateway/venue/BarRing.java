package io.tickflow.adapters.gateway.venue;

import java.util.function.LongUnaryOperator;

/**
 * OHLCV bars of one fixed length for one contract, built from trade prints, the newest
 * {@code capacity} kept in a ring (older ones are forgotten, as the service keeps limited
 * history). Venue thread only; allocation-free per print.
 */
final class BarRing {
    private final long bucketNanos;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final long[] start;
    private int newest = -1;
    private int count;

    BarRing(long bucketNanos, int capacity) {
        this.bucketNanos = bucketNanos;
        this.open = new long[capacity];
        this.high = new long[capacity];
        this.low = new long[capacity];
        this.close = new long[capacity];
        this.volume = new long[capacity];
        this.start = new long[capacity];
    }

    long bucketNanos() {
        return bucketNanos;
    }

    /** The oldest bar's start, or Long.MAX_VALUE when empty. */
    long oldestStart() {
        return count == 0 ? Long.MAX_VALUE : start[index(count - 1)];
    }

    void onTrade(long tsNanos, long priceTicks, long size) {
        long bucket = Math.floorDiv(tsNanos, bucketNanos) * bucketNanos;
        if (count > 0 && start[newest] == bucket) {
            high[newest] = Math.max(high[newest], priceTicks);
            low[newest] = Math.min(low[newest], priceTicks);
            close[newest] = priceTicks;
            volume[newest] += size;
            return;
        }
        if (count > 0 && bucket < start[newest]) {
            return; // a print older than the newest bar: the feed is in time order, so never expected
        }
        newest = (newest + 1) % start.length;
        count = Math.min(count + 1, start.length);
        start[newest] = bucket;
        open[newest] = priceTicks;
        high[newest] = priceTicks;
        low[newest] = priceTicks;
        close[newest] = priceTicks;
        volume[newest] = size;
    }

    private int index(int age) {
        return Math.floorMod(newest - age, start.length);
    }

    /** Receives one aggregated bar: its start, OHLC in ticks and volume. */
    interface BarConsumer {
        /** @return false to stop */
        boolean accept(long startNanos, long o, long h, long l, long c, long v);
    }

    /**
     * Aggregates the stored bars starting in [{@code from}, {@code to}) into the buckets that
     * {@code bucketOf} assigns (a bar start to its bucket's start), newest bucket first.
     */
    void aggregate(long from, long to, LongUnaryOperator bucketOf, BarConsumer out) {
        long bucket = Long.MIN_VALUE;
        long o = 0;
        long h = 0;
        long l = 0;
        long c = 0;
        long v = 0;
        for (int age = 0; age < count; age++) {
            int i = index(age);
            if (start[i] >= to) {
                continue;
            }
            if (start[i] < from) {
                break;
            }
            long b = bucketOf.applyAsLong(start[i]);
            if (b != bucket) {
                if (bucket != Long.MIN_VALUE && !out.accept(bucket, o, h, l, c, v)) {
                    return;
                }
                bucket = b;
                c = close[i];
                h = high[i];
                l = low[i];
                v = 0;
            }
            o = open[i];
            h = Math.max(h, high[i]);
            l = Math.min(l, low[i]);
            v += volume[i];
        }
        if (bucket != Long.MIN_VALUE) {
            out.accept(bucket, o, h, l, c, v);
        }
    }
}
