package io.tickflow.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;

/** Generated trade prints: where they print, what they take off the book, how big they are. */
class TradePrintTest {
    private static final long EVENTS = 300_000;

    /** Checks each print against the quote before it and the quote it leaves behind. */
    private static final class PrintChecker implements MarketDataSink {
        long bid;
        long bidSize;
        long ask;
        long askSize;
        boolean afterTrade;
        long printTs;
        long printPrice;
        long printSize;
        Side printSide;
        String failure;
        long events;
        long trades;
        long buys;
        long small;
        long large;
        long levelsTaken;
        long partials;

        @Override
        public void onQuote(long ts, long newBid, long newBidSize, long newAsk, long newAskSize) {
            if (afterTrade && failure == null) {
                failure = checkQuoteAfterPrint(ts, newBid, newBidSize, newAsk, newAskSize);
            }
            afterTrade = false;
            bid = newBid;
            bidSize = newBidSize;
            ask = newAsk;
            askSize = newAskSize;
            events++;
        }

        @Override
        public void onTrade(long ts, long price, long size, Side aggressor) {
            long touch = aggressor == Side.BUY ? ask : bid;
            if (failure == null && (afterTrade || price != touch)) {
                failure = "event " + events + ": " + aggressor + " print of " + size + " at " + price + " against quote "
                        + bidSize + "@" + bid + " / " + askSize + "@" + ask + (afterTrade ? " right after another print" : "");
            }
            afterTrade = true;
            printTs = ts;
            printPrice = price;
            printSize = size;
            printSide = aggressor;
            trades++;
            buys += aggressor == Side.BUY ? 1 : 0;
            small += size <= 5 ? 1 : 0;
            large += size >= 50 ? 1 : 0;
            events++;
        }

        private String checkQuoteAfterPrint(long ts, long newBid, long newBidSize, long newAsk, long newAskSize) {
            String what = "event " + events + ": quote " + newBidSize + "@" + newBid + " / " + newAskSize + "@" + newAsk
                    + " after a " + printSide + " print of " + printSize + " into " + bidSize + "@" + bid + " / "
                    + askSize + "@" + ask;
            if (ts != printTs) {
                return what + " came at " + ts + ", the print at " + printTs;
            }
            long hitSize = printSide == Side.BUY ? askSize : bidSize;
            if (printSize < hitSize) {
                partials++;
                boolean ok = newBid == bid && newAsk == ask
                        && (printSide == Side.BUY
                                ? newAskSize == askSize - printSize && newBidSize == bidSize
                                : newBidSize == bidSize - printSize && newAskSize == askSize);
                return ok ? null : what + ": a print smaller than the level must only reduce it";
            }
            levelsTaken++;
            long step = printSide == Side.BUY ? 1 : -1;
            boolean ok = newBid == bid + step && newAsk == ask + step;
            return ok ? null : what + ": a print that takes the whole level must move the quote one tick";
        }
    }

    private static PrintChecker run(long seed) {
        PrintChecker sink = new PrintChecker();
        MarketDataGenerator generator = new MarketDataGenerator(GeneratorConfig.defaults(seed));
        while (sink.events < EVENTS && generator.next(sink)) {
            // the sink checks each print
        }
        return sink;
    }

    @Test
    void printsHitTheBidOrLiftTheAskAndTakeTheirSizeOffThatLevel() {
        long seed = 21;
        PrintChecker sink = run(seed);

        assertThat(sink.failure).as("seed %d", seed).isNull();
        assertThat(sink.partials).as("seed %d: prints that leave the level standing", seed).isPositive();
        assertThat(sink.levelsTaken).as("seed %d: prints that take the whole level", seed).isPositive();
    }

    @Test
    void bothSidesAggressAndPrintSizesAreMostlySmallWithAHeavyTail() {
        long seed = 22;
        PrintChecker sink = run(seed);

        assertThat(sink.trades).as("seed %d", seed).isGreaterThan(10_000);
        assertThat((double) sink.buys / sink.trades).as("seed %d: buyer-aggressor share", seed).isBetween(0.4, 0.6);
        assertThat((double) sink.small / sink.trades).as("seed %d: share of 1-5 lot prints", seed).isGreaterThan(0.85);
        assertThat(sink.large).as("seed %d: prints of 50 lots or more", seed).isPositive();
    }
}
