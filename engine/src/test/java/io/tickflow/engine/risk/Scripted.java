package io.tickflow.engine.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.PositionView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** Runs {@code script} on every quote, with the quote's sequence number; records rejections. */
final class Scripted implements Strategy {
    final List<String> rejections = new ArrayList<>();
    final List<Long> quotesSeen = new ArrayList<>();
    /** Every order, fill and position callback and every quote, in the order heard. */
    final List<String> heard = new ArrayList<>();
    /** Every fill, as "SIDE SIZE". */
    final List<String> fills = new ArrayList<>();
    private final BiConsumer<Orders, Integer> script;
    private StrategyContext ctx;
    private int quotes;

    Scripted(BiConsumer<Orders, Integer> script) {
        this.script = script;
    }

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
    }

    @Override
    public void onQuote(QuoteView quote) {
        quotesSeen.add(quote.tsEvent());
        heard.add("quote " + quote.bidTicks());
        script.accept(ctx.orders(), quotes++);
    }

    @Override
    public void onFill(FillView fill) {
        heard.add("fill " + fill.side() + " " + fill.size());
        fills.add(fill.side() + " " + fill.size());
    }

    @Override
    public void onPosition(PositionView position) {
        heard.add("position " + position.netPosition());
    }

    @Override
    public void onOrder(OrderView order) {
        heard.add("order " + order.clientOrderId() + " " + order.status());
        if (order.status() == OrderStatus.REJECTED) {
            rejections.add(order.rejectReason().toString());
        }
    }
}
