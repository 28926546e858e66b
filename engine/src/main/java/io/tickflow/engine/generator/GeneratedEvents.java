package io.tickflow.engine.generator;

import java.util.Arrays;

import io.tickflow.engine.model.Side;

/**
 * A stretch of generated market data held in primitive arrays, for benchmarks and tests that
 * replay a fixed buffer without generating on the fly. Event {@code i} is a quote
 * ({@link #QUOTE}: bid, bidSize, ask, askSize) or a trade print ({@link #TRADE}: price in
 * {@code bid}, size in {@code bidSize}, aggressor in {@code aggressor}). Read-only after
 * {@link #generate}.
 */
public final class GeneratedEvents {
    public static final byte QUOTE = 0;
    public static final byte TRADE = 1;

    public final byte[] kind;
    public final long[] ts;
    public final long[] bid;
    public final long[] bidSize;
    public final long[] ask;
    public final long[] askSize;
    /** For trades: the aggressor's {@link Side#code()}. */
    public final byte[] aggressor;
    private final int size;

    private GeneratedEvents(int size, byte[] kind, long[] ts, long[] bid, long[] bidSize, long[] ask,
                            long[] askSize, byte[] aggressor) {
        this.size = size;
        this.kind = Arrays.copyOf(kind, size);
        this.ts = Arrays.copyOf(ts, size);
        this.bid = Arrays.copyOf(bid, size);
        this.bidSize = Arrays.copyOf(bidSize, size);
        this.ask = Arrays.copyOf(ask, size);
        this.askSize = Arrays.copyOf(askSize, size);
        this.aggressor = Arrays.copyOf(aggressor, size);
    }

    public int size() {
        return size;
    }

    /** Runs {@code config}'s generator until {@code maxEvents} market events or its end. */
    public static GeneratedEvents generate(GeneratorConfig config, int maxEvents) {
        byte[] kind = new byte[maxEvents];
        long[] ts = new long[maxEvents];
        long[] bid = new long[maxEvents];
        long[] bidSize = new long[maxEvents];
        long[] ask = new long[maxEvents];
        long[] askSize = new long[maxEvents];
        byte[] aggressor = new byte[maxEvents];
        int[] n = {0};
        MarketDataSink sink = new MarketDataSink() {
            @Override
            public void onQuote(long t, long b, long bs, long a, long as) {
                int i = n[0]++;
                kind[i] = QUOTE;
                ts[i] = t;
                bid[i] = b;
                bidSize[i] = bs;
                ask[i] = a;
                askSize[i] = as;
            }

            @Override
            public void onTrade(long t, long price, long size, Side side) {
                int i = n[0]++;
                kind[i] = TRADE;
                ts[i] = t;
                bid[i] = price;
                bidSize[i] = size;
                aggressor[i] = (byte) side.code();
            }
        };
        MarketDataGenerator generator = new MarketDataGenerator(config);
        // each call emits at most one quote or print (a session open or close comes with at most one)
        while (n[0] < maxEvents && generator.next(sink)) {
            // the sink stores each event
        }
        return new GeneratedEvents(n[0], kind, ts, bid, bidSize, ask, askSize, aggressor);
    }
}
