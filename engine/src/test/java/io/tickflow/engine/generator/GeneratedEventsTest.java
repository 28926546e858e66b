package io.tickflow.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;

/** A pre-generated buffer is the generator's own stream, event for event. */
class GeneratedEventsTest {

    /** Compares the live stream with the buffer as it goes; counts the events and sessions. */
    private static final class Comparing implements MarketDataSink {
        final GeneratedEvents events;
        int i;
        int sessions;
        String mismatch;

        Comparing(GeneratedEvents events) {
            this.events = events;
        }

        @Override
        public void onQuote(long ts, long bid, long bidSize, long ask, long askSize) {
            if (i < events.size() && mismatch == null && (events.kind[i] != GeneratedEvents.QUOTE || events.ts[i] != ts
                    || events.bid[i] != bid || events.bidSize[i] != bidSize || events.ask[i] != ask
                    || events.askSize[i] != askSize)) {
                mismatch = "event " + i + ": live quote " + ts + " " + bidSize + "@" + bid + " / " + askSize + "@" + ask;
            }
            i++;
        }

        @Override
        public void onTrade(long ts, long price, long size, Side aggressor) {
            if (i < events.size() && mismatch == null && (events.kind[i] != GeneratedEvents.TRADE || events.ts[i] != ts
                    || events.bid[i] != price || events.bidSize[i] != size || events.aggressor[i] != aggressor.code())) {
                mismatch = "event " + i + ": live trade " + ts + " " + aggressor + " " + size + "@" + price;
            }
            i++;
        }

        @Override
        public void onSessionOpen(long ts) {
            sessions++;
        }
    }

    @Test
    void aBufferLargerThanTheStreamHoldsTheWholeStreamAcrossSessions() {
        GeneratorConfig config = GeneratorConfig.defaults(8).withQuotesPerSecond(0.02).withSessions(3);
        GeneratedEvents events = GeneratedEvents.generate(config, 1_000_000);
        Comparing live = new Comparing(events);
        MarketDataGenerator generator = new MarketDataGenerator(config);
        while (generator.next(live)) {
            // the sink compares
        }

        assertThat(live.sessions).isEqualTo(3);
        assertThat(live.mismatch).isNull();
        assertThat(events.size()).as("events in the buffer").isEqualTo(live.i);
    }

    @Test
    void aBufferShorterThanTheStreamIsItsPrefix() {
        GeneratorConfig config = GeneratorConfig.defaults(9);
        GeneratedEvents events = GeneratedEvents.generate(config, 50_000);
        Comparing live = new Comparing(events);
        MarketDataGenerator generator = new MarketDataGenerator(config);
        while (live.i < events.size() && generator.next(live)) {
            // the sink compares
        }

        assertThat(events.size()).isEqualTo(50_000);
        assertThat(live.mismatch).isNull();
        assertThat(live.i).isEqualTo(events.size());
    }
}
