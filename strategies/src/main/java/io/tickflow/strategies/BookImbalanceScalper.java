package io.tickflow.strategies;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.BookView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.StrategyParams;

/**
 * Order-book imbalance scalper: a model of a strategy that reads the book and hands its exits
 * to an engine-emulated bracket.
 *
 * <p><b>Signal.</b> On every quote, the size resting on the top {@code levels} (default 3)
 * bid levels is compared with the top ask levels (from the L2 book when the feed sends depth,
 * otherwise the best bid and ask sizes of the quote). When one side holds at least
 * {@code ratio} (default 3) times the other, price is likelier to move away from it: buy when
 * bids dominate, sell when asks do.
 *
 * <p><b>Orders.</b> Only while flat and at most once per {@code cooldownMs} (default 1000 ms
 * of market time): a market entry of {@code size} (default 1) in a bracket with a stop-loss
 * {@code stopTicks} (default 4) and a take-profit {@code targetTicks} (default 4) from the fill.
 *
 * <p>Parameters: {@code levels}, {@code ratio}, {@code size}, {@code stopTicks},
 * {@code targetTicks}, {@code cooldownMs}. Engine thread only; allocation-free per quote.
 */
public final class BookImbalanceScalper implements Strategy {
    private StrategyContext ctx;
    private Contract contract;
    private int levels;
    private double ratio;
    private long size;
    private long stopTicks;
    private long targetTicks;
    private long cooldownNanos;
    private long nextEntry = Long.MIN_VALUE;
    private long entries;

    @Override
    public void configure(StrategyParams params) {
        this.levels = params.intValue("levels", 3, 1);
        this.ratio = params.doubleValue("ratio", 3.0);
        if (!(ratio > 1)) {
            throw params.invalid("ratio", "expected more than 1, found " + ratio);
        }
        this.size = params.longValue("size", 1, 1);
        this.stopTicks = params.longValue("stopTicks", 4, 1);
        this.targetTicks = params.longValue("targetTicks", 4, 1);
        long cooldownMs = params.longValue("cooldownMs", 1_000, 0);
        this.cooldownNanos = cooldownMs * 1_000_000L;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        this.contract = context.contracts().get(0);
    }

    @Override
    public void onQuote(QuoteView q) {
        if (!q.contract().equals(contract) || q.tsEvent() < nextEntry || ctx.orders().position(contract) != 0) {
            return;
        }
        BookView book = ctx.book(contract);
        long bids = depth(book, Side.BUY, q.bidSize());
        long asks = depth(book, Side.SELL, q.askSize());
        if (bids <= 0 || asks <= 0 || q.bidTicks() == PriceTicks.NONE || q.askTicks() == PriceTicks.NONE) {
            return;
        }
        Side side = bids >= ratio * asks ? Side.BUY : asks >= ratio * bids ? Side.SELL : null;
        if (side != null) {
            entries++;
            nextEntry = q.tsEvent() + cooldownNanos;
            ctx.orders().bracket(contract, side, size, PriceTicks.NONE, stopTicks, targetTicks);
        }
    }

    /** Size on the top levels of one side of the book, or the quote's size when the book is empty. */
    private long depth(BookView book, Side side, long quoteSize) {
        int n = book == null ? 0 : Math.min(levels, book.levels(side));
        if (n == 0) {
            return quoteSize;
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += book.size(side, i);
        }
        return total;
    }

    /** Entries so far. */
    public long entries() {
        return entries;
    }
}
