package io.tickflow.app;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.generator.MarketDataGenerator;
import io.tickflow.engine.generator.MarketDataSink;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;

/**
 * A producer that publishes a generator's quotes and trade prints into an engine's ring for
 * one contract, as a feed adapter would. Runs on the calling thread; allocation-free per
 * event.
 */
final class GeneratedReplay implements MarketDataSink {
    private final InboundPublisher publisher;
    private final int contract;
    private final QuoteTranslator quote = new QuoteTranslator();
    private final TradeTranslator trade = new TradeTranslator();
    private long quotes;
    private long trades;
    private long sessions;

    GeneratedReplay(Engine engine, int contractIndex) {
        this.publisher = engine.publisher();
        this.contract = contractIndex;
    }

    /** Publishes every event of {@code generator}; returns when it is exhausted. */
    void run(MarketDataGenerator generator) {
        while (generator.next(this)) {
            // each call publishes one event
        }
    }

    @Override
    public void onQuote(long tsNanos, long bidTicks, long bidSize, long askTicks, long askSize) {
        publisher.publish(quote.topOfBook(contract, tsNanos, tsNanos, bidTicks, bidSize, askTicks, askSize));
        quotes++;
    }

    @Override
    public void onTrade(long tsNanos, long priceTicks, long size, Side aggressor) {
        publisher.publish(trade.set(contract, tsNanos, tsNanos, priceTicks, size, aggressor));
        trades++;
    }

    @Override
    public void onSessionOpen(long tsNanos) {
        sessions++;
    }

    long quotes() {
        return quotes;
    }

    long trades() {
        return trades;
    }

    long sessions() {
        return sessions;
    }
}
