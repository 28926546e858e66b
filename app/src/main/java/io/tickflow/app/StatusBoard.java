package io.tickflow.app;

import java.util.List;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.TradeView;

/**
 * A strategy that never trades: it watches every contract of a run so the command line can
 * show the last price and mark positions. Written on the engine thread, read by the status
 * printer (plain volatile longs: a slightly stale value is fine for display).
 */
final class StatusBoard implements Strategy {
    private final List<Contract> contracts;
    private final long[] last;
    private volatile long updates;

    StatusBoard(List<Contract> contracts) {
        this.contracts = List.copyOf(contracts);
        this.last = new long[contracts.size()];
        java.util.Arrays.fill(last, PriceTicks.NONE);
    }

    @Override
    public void onQuote(QuoteView q) {
        int c = contracts.indexOf(q.contract());
        long price = q.lastTicks() != PriceTicks.NONE ? q.lastTicks()
                : q.bidTicks() != PriceTicks.NONE && q.askTicks() != PriceTicks.NONE
                ? Math.floorDiv(q.bidTicks() + q.askTicks(), 2) : PriceTicks.NONE;
        if (c >= 0 && price != PriceTicks.NONE) {
            last[c] = price;
            updates++;
        }
    }

    @Override
    public void onTrade(TradeView t) {
        int c = contracts.indexOf(t.contract());
        if (c >= 0) {
            last[c] = t.priceTicks();
            updates++;
        }
    }

    /** The last price of each contract (ticks, {@code PriceTicks.NONE} before any). */
    long[] lastPrices() {
        return last.clone();
    }

    long updates() {
        return updates;
    }
}
