package io.tickflow.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.BookView;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.PositionView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.StrategyParams;
import io.tickflow.engine.strategy.TradeView;
import io.tickflow.strategies.SmaCrossover;

/**
 * Runs the strategies module's {@link SmaCrossover} unchanged and writes down each signal it
 * gives: the index of the bar (in the order the bars arrived), that bar's open time, and the
 * direction. Engine thread; allocates per signal (for the parity check, not for timing).
 */
final class SignalTap implements Strategy {
    /** A signal at the close of bar {@code index}, opened at {@code tsOpen}. */
    record Signal(int index, long tsOpen, SmaCrossover.Signal direction) {
    }

    private final SmaCrossover inner = new SmaCrossover();
    final List<Signal> signals = new ArrayList<>();
    final List<Long> barOpens = new ArrayList<>();

    @Override
    public void configure(StrategyParams params) {
        inner.configure(params);
    }

    @Override
    public void onStart(StrategyContext context) {
        inner.onStart(context);
    }

    @Override
    public void onQuote(QuoteView quote) {
        inner.onQuote(quote);
    }

    @Override
    public void onTrade(TradeView trade) {
        inner.onTrade(trade);
    }

    @Override
    public void onDepth(BookView book) {
        inner.onDepth(book);
    }

    @Override
    public void onBar(BarView bar) {
        long before = inner.signals();
        long seen = inner.barsSeen();
        inner.onBar(bar);
        if (inner.barsSeen() > seen) {
            barOpens.add(bar.tsOpen());
        }
        if (inner.signals() > before) {
            signals.add(new Signal((int) inner.barsSeen() - 1, bar.tsOpen(), inner.lastSignal()));
        }
    }

    @Override
    public void onOrder(OrderView order) {
        inner.onOrder(order);
    }

    @Override
    public void onFill(FillView fill) {
        inner.onFill(fill);
    }

    @Override
    public void onPosition(PositionView position) {
        inner.onPosition(position);
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        inner.onTimer(timerId, nowNanos);
    }

    @Override
    public void onStop() {
        inner.onStop();
    }
}
