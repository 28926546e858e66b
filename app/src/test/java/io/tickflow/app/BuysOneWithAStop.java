package io.tickflow.app;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * A strategy for tests that holds a protected position: on its first two-sided quote it buys
 * one contract at market and places a sell stop 40 ticks under the bid to protect it, then
 * does nothing more. Engine thread only.
 */
public final class BuysOneWithAStop implements Strategy {
    private StrategyContext context;
    private boolean bought;

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
    }

    @Override
    public void onQuote(QuoteView q) {
        if (bought || q.bidTicks() == PriceTicks.NONE || q.askTicks() == PriceTicks.NONE) {
            return;
        }
        bought = true;
        Contract c = q.contract();
        context.orders().market(c, Side.BUY, 1);
        context.orders().stop(c, Side.SELL, 1, q.bidTicks() - 40);
    }
}
