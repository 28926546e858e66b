package io.tickflow.engine.backtest;

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
}
