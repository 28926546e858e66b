package io.tickflow.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;

/** Prices stay on the positive tick grid with a real spread even when the walk presses on zero. */
class PriceFloorTest {

    /** Records the first event that breaks a price or size rule, and the lowest bid seen. */
    private static final class Floor implements MarketDataSink {
        String failure;
        long lowestBid = Long.MAX_VALUE;
        long atFloor;
        long events;

        @Override
        public void onQuote(long ts, long bid, long bidSize, long ask, long askSize) {
            if (failure == null && (bid < 1 || ask <= bid || ask - bid > 3 || bidSize < 1 || askSize < 1)) {
                failure = "event " + events + ": quote " + bidSize + "@" + bid + " / " + askSize + "@" + ask;
            }
            lowestBid = Math.min(lowestBid, bid);
            atFloor += bid == 1 ? 1 : 0;
            events++;
        }

        @Override
        public void onTrade(long ts, long price, long size, Side aggressor) {
            if (failure == null && (price < 1 || size < 1)) {
                failure = "event " + events + ": " + aggressor + " print of " + size + " at " + price;
            }
            events++;
        }
    }

    @Test
    void aVolatileMarketStartingOneTickAboveZeroNeverPrintsOrQuotesAtOrBelowZero() {
        long seed = 17;
        GeneratorConfig config = new GeneratorConfig(seed, GeneratorConfig.defaults(seed).start(), 3, 1, 20.0, 4.0, 0.1,
                0.85, 0.3, 3.0, ZoneId.of("America/Chicago"), LocalTime.of(17, 0), LocalTime.of(16, 0));
        Floor sink = new Floor();
        MarketDataGenerator generator = new MarketDataGenerator(config);
        while (sink.events < 500_000 && generator.next(sink)) {
            // the sink checks each event
        }

        assertThat(sink.failure).as("seed %d", seed).isNull();
        assertThat(sink.lowestBid).as("seed %d", seed).isEqualTo(1);
        assertThat(sink.atFloor).as("seed %d: quotes with the bid at one tick", seed).isPositive();
    }
}
