package io.tickflow.engine.backtest;

import java.util.List;

import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.generator.MarketDataGenerator;
import io.tickflow.engine.generator.MarketDataSink;
import io.tickflow.engine.model.Side;

/** Generated quotes and trade prints for one contract, from a seeded {@link GeneratorConfig}. */
public final class GeneratedMarketReplay implements MarketReplay {
    private final GeneratorConfig config;
    private final int contract;

    /** @param contract the contract's index in the backtest's contract list */
    public GeneratedMarketReplay(GeneratorConfig config, int contract) {
        this.config = config;
        this.contract = contract;
    }

    @Override
    public void replay(ReplayTarget target) {
        MarketDataGenerator generator = new MarketDataGenerator(config);
        MarketDataSink sink = new MarketDataSink() {
            @Override
            public void onQuote(long ts, long bid, long bidSize, long ask, long askSize) {
                target.quote(contract, ts, bid, bidSize, ask, askSize);
            }

            @Override
            public void onTrade(long ts, long price, long size, Side aggressor) {
                target.trade(contract, ts, price, size, aggressor);
            }
        };
        while (generator.next(sink)) {
            // every event goes to the target
        }
    }

    /**
     * Generated markets for several contracts at once ({@code configs.get(i)} for contract
     * index {@code i}), merged in time order (ties go to the lower index): each generator is
     * pulled one event ahead, so nothing is buffered beyond that.
     */
    public static MarketReplay merged(List<GeneratorConfig> configs) {
        List<GeneratorConfig> copy = List.copyOf(configs);
        return target -> {
            int n = copy.size();
            MarketDataGenerator[] generators = new MarketDataGenerator[n];
            Lookahead[] next = new Lookahead[n];
            for (int i = 0; i < n; i++) {
                generators[i] = new MarketDataGenerator(copy.get(i));
                next[i] = new Lookahead();
                next[i].pull(generators[i]);
            }
            while (true) {
                int earliest = -1;
                for (int i = 0; i < n; i++) {
                    if (next[i].present && (earliest < 0 || next[i].ts < next[earliest].ts)) {
                        earliest = i;
                    }
                }
                if (earliest < 0) {
                    return;
                }
                next[earliest].emit(target, earliest);
                next[earliest].pull(generators[earliest]);
            }
        };
    }

    /** One generator's next market event, held until it is the earliest. */
    private static final class Lookahead implements MarketDataSink {
        boolean present;
        boolean trade;
        long ts;
        long a;
        long b;
        long c;
        long d;
        Side aggressor;

        void pull(MarketDataGenerator generator) {
            present = false;
            while (!present && generator.next(this)) {
                // session opens and closes carry no market event: pull again
            }
        }

        @Override
        public void onQuote(long tsNanos, long bid, long bidSize, long ask, long askSize) {
            present = true;
            trade = false;
            ts = tsNanos;
            a = bid;
            b = bidSize;
            c = ask;
            d = askSize;
        }

        @Override
        public void onTrade(long tsNanos, long price, long size, Side side) {
            present = true;
            trade = true;
            ts = tsNanos;
            a = price;
            b = size;
            aggressor = side;
        }

        void emit(ReplayTarget target, int contract) {
            if (trade) {
                target.trade(contract, ts, a, b, aggressor);
            } else {
                target.quote(contract, ts, a, b, c, d);
            }
        }
    }
}
