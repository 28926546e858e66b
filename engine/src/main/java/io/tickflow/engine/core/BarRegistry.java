package io.tickflow.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tickflow.engine.market.bar.BarAggregator;
import io.tickflow.engine.market.bar.BarAggregators;
import io.tickflow.engine.market.bar.BarSeriesBuffer;
import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceSource;
import io.tickflow.engine.time.SessionCalendar;

/**
 * The bar series strategies asked for, and the aggregators that build them, grouped by
 * contract and price source so each market event reaches exactly the aggregators it feeds.
 * Engine thread only. Feeding allocates nothing; a new series allocates once.
 */
final class BarRegistry {
    private static final BarAggregator[] NONE = new BarAggregator[0];
    private static final int SOURCES = PriceSource.values().length;

    private final ContractRegistry contracts;
    private final SessionCalendar calendar;
    private final int history;
    private final EventDispatcher dispatcher;
    private final BarAggregator[][] bySource;
    private final List<Map<BarSpec, BarSubscription>> subscriptions;
    private BarAggregator[] all = NONE;

    BarRegistry(ContractRegistry contracts, SessionCalendar calendar, int history, EventDispatcher dispatcher) {
        this.contracts = contracts;
        this.calendar = calendar;
        this.history = history;
        this.dispatcher = dispatcher;
        this.bySource = new BarAggregator[SOURCES * contracts.size()][];
        Arrays.fill(bySource, NONE);
        this.subscriptions = new ArrayList<>(contracts.size());
        for (int c = 0; c < contracts.size(); c++) {
            subscriptions.add(new HashMap<>());
        }
    }

    /** Feeds a quote: bid-sourced bars get the bid, ask-sourced the ask; a missing side and trade bars only see time pass. */
    void onQuote(int contract, long ts, boolean hasBid, long bid, boolean hasAsk, long ask) {
        feed(aggregators(contract, PriceSource.BID), ts, hasBid, bid, 0);
        feed(aggregators(contract, PriceSource.ASK), ts, hasAsk, ask, 0);
        feed(aggregators(contract, PriceSource.TRADE), ts, false, 0, 0);
    }

    /** Feeds a trade print to trade-sourced bars; quote-sourced bars only see time pass. */
    void onTrade(int contract, long ts, long price, long size) {
        feed(aggregators(contract, PriceSource.TRADE), ts, true, price, size);
        feed(aggregators(contract, PriceSource.BID), ts, false, 0, 0);
        feed(aggregators(contract, PriceSource.ASK), ts, false, 0, 0);
    }

    /** Time passes on every contract: closes every time bar whose end has passed. */
    void onTime(long ts) {
        for (BarAggregator a : all) {
            a.onTime(ts);
        }
    }

    private static void feed(BarAggregator[] targets, long ts, boolean hasPrice, long price, long volume) {
        for (BarAggregator a : targets) {
            if (hasPrice) {
                a.onPrice(ts, price, volume);
            } else {
                a.onTime(ts);
            }
        }
    }

    private BarAggregator[] aggregators(int contract, PriceSource source) {
        return bySource[contract * SOURCES + source.ordinal()];
    }

    /** The series of {@code spec} on {@code contract}, created on first request; {@code host} receives its bars. */
    BarSeriesBuffer subscribe(StrategyHost host, int contract, BarSpec spec) {
        Map<BarSpec, BarSubscription> bySpec = subscriptions.get(contract);
        BarSubscription subscription = bySpec.get(spec);
        if (subscription == null) {
            Contract c = contracts.contract(contract);
            subscription = new BarSubscription(new BarSeriesBuffer(c, spec, history), dispatcher);
            BarAggregator aggregator = BarAggregators.create(c, spec, calendar, subscription);
            bySpec.put(spec, subscription);
            int slot = contract * SOURCES + spec.source().ordinal();
            bySource[slot] = append(bySource[slot], aggregator);
            all = append(all, aggregator);
        }
        subscription.subscribe(host);
        return subscription.series;
    }

    private static BarAggregator[] append(BarAggregator[] array, BarAggregator element) {
        BarAggregator[] grown = Arrays.copyOf(array, array.length + 1);
        grown[array.length] = element;
        return grown;
    }
}
