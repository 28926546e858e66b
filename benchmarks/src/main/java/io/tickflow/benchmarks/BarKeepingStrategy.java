package io.tickflow.benchmarks;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * The benchmark's strategy: keeps a bar series built from the quotes (so every quote goes
 * through an aggregator) and reads the quote and the series on every callback, as a real
 * strategy would; the sums it keeps in fields keep the JIT from removing that work.
 */
final class BarKeepingStrategy implements Strategy {
    private final BarSpec spec;
    private BarSeries series;
    private long quotes;
    private long spreadSum;
    private long bars;

    BarKeepingStrategy(BarSpec spec) {
        this.spec = spec;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        series = ctx.bars(ctx.contracts().get(0), spec);
    }

    @Override
    public void onQuote(QuoteView quote) {
        spreadSum += quote.askTicks() - quote.bidTicks();
        quotes++;
    }

    @Override
    public void onBar(BarView bar) {
        bars += bar.close() - series.close(0) + 1;
    }

    /** Quotes seen; read after the engine has stopped. */
    long quotes() {
        return quotes;
    }

}
