package io.tickflow.engine.core;

import java.util.Arrays;

import io.tickflow.engine.market.bar.BarSeriesBuffer;
import io.tickflow.engine.market.bar.BarSink;
import io.tickflow.engine.strategy.BarView;

/**
 * One bar series of one contract shared by the strategies that requested it: completed bars
 * are appended to the series, then delivered to each subscriber's {@code onBar}. Engine
 * thread only; allocation-free per bar.
 */
final class BarSubscription implements BarSink {
    final BarSeriesBuffer series;
    private final EventDispatcher dispatcher;
    private StrategyHost[] subscribers = new StrategyHost[0];

    BarSubscription(BarSeriesBuffer series, EventDispatcher dispatcher) {
        this.series = series;
        this.dispatcher = dispatcher;
    }

    void subscribe(StrategyHost host) {
        for (StrategyHost existing : subscribers) {
            if (existing == host) {
                return;
            }
        }
        subscribers = Arrays.copyOf(subscribers, subscribers.length + 1);
        subscribers[subscribers.length - 1] = host;
    }

    @Override
    public void onBar(BarView bar) {
        series.onBar(bar);
        dispatcher.deliver(subscribers, EventDispatcher.ON_BAR, bar);
    }
}
