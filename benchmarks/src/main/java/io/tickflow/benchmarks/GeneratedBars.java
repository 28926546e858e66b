package io.tickflow.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.tickflow.engine.backtest.BarReplay;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.generator.MarketDataGenerator;
import io.tickflow.engine.generator.MarketDataSink;
import io.tickflow.engine.model.Side;

/**
 * One-minute OHLCV bars built from the engine's own market-data generator (trade prints
 * only; a minute without a print has no bar, as in exchange data), so the backtest
 * benchmarks need no data files. Same seed, same bars.
 */
final class GeneratedBars {
    static final long MINUTE = 60_000_000_000L;

    private GeneratedBars() {
    }

    /** The first {@code count} minute bars of an ES-like market generated from {@code seed}. */
    static List<BarReplay.InputBar> minuteBars(long seed, int count) {
        List<BarReplay.InputBar> bars = new ArrayList<>(count);
        long[] bar = new long[6];
        bar[0] = Long.MIN_VALUE;
        MarketDataSink sink = new MarketDataSink() {
            @Override
            public void onQuote(long ts, long bid, long bidSize, long ask, long askSize) {
                // bars are built from prints
            }

            @Override
            public void onTrade(long ts, long price, long size, Side aggressor) {
                long minute = ts - Math.floorMod(ts, MINUTE);
                if (minute != bar[0]) {
                    if (bar[0] != Long.MIN_VALUE && bars.size() < count) {
                        bars.add(new BarReplay.InputBar(bar[0], MINUTE, bar[1], bar[2], bar[3], bar[4], bar[5]));
                    }
                    bar[0] = minute;
                    bar[1] = price;
                    bar[2] = price;
                    bar[3] = price;
                    bar[5] = 0;
                }
                bar[2] = Math.max(bar[2], price);
                bar[3] = Math.min(bar[3], price);
                bar[4] = price;
                bar[5] += size;
            }
        };
        MarketDataGenerator generator = new MarketDataGenerator(
                GeneratorConfig.defaults(seed).withSessions(1 + count / 1000).withQuotesPerSecond(2));
        while (bars.size() < count && generator.next(sink)) {
            // the sink builds the bars
        }
        if (bars.size() < count) {
            throw new IllegalStateException("the generator gave only " + bars.size() + " of " + count + " bars");
        }
        return bars;
    }
}
