package io.tickflow.engine.core;

import static io.tickflow.engine.testing.TestContracts.ES;
import static io.tickflow.engine.testing.TestContracts.GC;
import static io.tickflow.engine.testing.TestContracts.NQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.DepthTranslator;
import io.tickflow.engine.ring.QuoteFields;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.BookView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.TradeView;

class MarketDataDispatchTest {
    private final List<String> rejected = new ArrayList<>();
    private final EngineListener listener = new EngineListener() {
        @Override
        public void onRejectedEvent(String reason, String event) {
            rejected.add(reason);
        }
    };

    /** Writes what it sees as text lines, in order. */
    private static class Journal implements Strategy {
        final List<String> lines = new ArrayList<>();
        StrategyContext context;

        @Override
        public void onStart(StrategyContext ctx) {
            this.context = ctx;
        }

        @Override
        public void onQuote(QuoteView q) {
            lines.add("quote " + q.contract().symbol() + " " + q.bidSize() + "@" + q.bidTicks() + "/" + q.askSize() + "@"
                    + q.askTicks() + " last " + q.lastTicks());
        }

        @Override
        public void onTrade(TradeView t) {
            lines.add("trade " + t.contract().symbol() + " " + t.size() + "@" + t.priceTicks() + " " + t.aggressor());
        }

        @Override
        public void onDepth(BookView b) {
            StringBuilder sb = new StringBuilder("depth ").append(b.contract().symbol());
            for (int i = 0; i < b.levels(Side.BUY); i++) {
                sb.append(" b").append(b.size(Side.BUY, i)).append('@').append(b.priceTicks(Side.BUY, i));
            }
            for (int i = 0; i < b.levels(Side.SELL); i++) {
                sb.append(" a").append(b.size(Side.SELL, i)).append('@').append(b.priceTicks(Side.SELL, i));
            }
            lines.add(sb.toString());
        }

        @Override
        public void onBar(BarView bar) {
            lines.add("bar " + bar.spec() + " " + bar.open() + "/" + bar.high() + "/" + bar.low() + "/" + bar.close()
                    + " v" + bar.volume());
        }
    }

    private Engine engine(Strategy... strategies) {
        Engine.Builder builder = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .listener(listener)
                .contract(ES)
                .contract(NQ)
                .contract(GC);
        for (int i = 0; i < strategies.length; i++) {
            Contract contract = i == 0 ? ES : NQ;
            builder.strategy(StrategySpec.of("s" + i, strategies[i], contract.id()));
        }
        return builder.build();
    }

    @Test
    void partialQuotesMergeIntoTheLastKnownTopOfBook() {
        Journal journal = new Journal();
        Engine engine = engine(journal);
        engine.start();
        QuoteTranslator q = new QuoteTranslator();
        engine.publisher().publish(q.topOfBook(0, 1, 1, 100, 5, 101, 7));
        engine.publisher().publish(q.set(0, 2, 2, QuoteFields.ASK | QuoteFields.ASK_SIZE, 0, 0, 102, 3, 0, 0, 0));
        engine.publisher().publish(q.set(0, 3, 3, QuoteFields.LAST, 0, 0, 0, 0, 101, 0, 0));
        engine.shutdown();

        assertThat(journal.lines).containsExactly(
                "quote ESZ5 5@100/7@101 last " + PriceTicks.NONE,
                "quote ESZ5 5@100/3@102 last " + PriceTicks.NONE,
                "quote ESZ5 5@100/3@102 last 101");
    }

    @Test
    void strategiesSeeOnlyTheirOwnContracts() {
        Journal esStrategy = new Journal();
        Journal nqStrategy = new Journal();
        Engine engine = engine(esStrategy, nqStrategy);
        engine.start();
        TradeTranslator t = new TradeTranslator();
        engine.publisher().publish(t.set(0, 1, 1, 24049, 2, Side.BUY));
        engine.publisher().publish(t.set(1, 2, 2, 84000, 1, Side.SELL));
        engine.publisher().publish(t.set(2, 3, 3, 13234, 1, null));
        engine.shutdown();

        assertThat(esStrategy.lines).containsExactly("trade ESZ5 2@24049 BUY");
        assertThat(nqStrategy.lines).containsExactly("trade NQZ5 1@84000 SELL");
    }

    @Test
    void depthIsDeliveredOnceAWholeFeedUpdateIsAppliedAndCrossedLevelsAreRejected() {
        Journal journal = new Journal();
        Engine engine = engine(journal);
        engine.start();
        DepthTranslator d = new DepthTranslator();
        engine.publisher().publish(d.update(0, 1, 1, Side.BUY, 100, 5, false));
        engine.publisher().publish(d.update(0, 1, 1, Side.BUY, 99, 8, false));
        engine.publisher().publish(d.update(0, 1, 1, Side.SELL, 101, 4, true));
        engine.publisher().publish(d.update(0, 2, 2, Side.BUY, 101, 1, true));
        engine.publisher().publish(d.delete(0, 3, 3, Side.BUY, 100, true));
        engine.publisher().publish(d.clear(0, 4, 4, true));
        engine.shutdown();

        assertThat(journal.lines).containsExactly(
                "depth ESZ5 b5@100 b8@99 a4@101",
                "depth ESZ5 b5@100 b8@99 a4@101",
                "depth ESZ5 b8@99 a4@101",
                "depth ESZ5");
        assertThat(rejected).singleElement().asString().contains("CROSSED");
    }

    @Test
    void eventsForAnUnknownContractAreDroppedCountedAndReported() {
        Journal journal = new Journal();
        Engine engine = engine(journal);
        engine.start();
        engine.publisher().publish(new TradeTranslator().set(7, 1, 1, 1, 1, Side.BUY));
        engine.publisher().publish(new TradeTranslator().set(0, 2, 2, 5, 1, Side.BUY));
        engine.shutdown();

        assertThat(journal.lines).containsExactly("trade ESZ5 1@5 BUY");
        assertThat(rejected).singleElement().asString().contains("unknown contract index 7");
        assertThat(engine.stats().snapshot().rejected()).isEqualTo(1);
    }

    @Test
    void aCompletedBarIsDeliveredBeforeThePrintThatFollowsIt() {
        Journal journal = new Journal() {
            @Override
            public void onStart(StrategyContext ctx) {
                super.onStart(ctx);
                ctx.bars(ES, "3t");
            }
        };
        Engine engine = engine(journal);
        engine.start();
        TradeTranslator t = new TradeTranslator();
        long[] prices = {10, 12, 9, 11};
        for (int i = 0; i < prices.length; i++) {
            engine.publisher().publish(t.set(0, i + 1, i + 1, prices[i], 2, Side.BUY));
        }
        engine.shutdown();

        assertThat(journal.lines).containsExactly(
                "trade ESZ5 2@10 BUY",
                "trade ESZ5 2@12 BUY",
                "bar 3t 10/12/9/9 v6",
                "trade ESZ5 2@9 BUY",
                "trade ESZ5 2@11 BUY");
    }

    @Test
    void quoteSourcedBarsTakeTheirSideOfEachQuoteAndTradeBarsIgnoreQuotes() {
        Journal journal = new Journal() {
            @Override
            public void onStart(StrategyContext ctx) {
                super.onStart(ctx);
                ctx.bars(ES, "2t@bid");
                ctx.bars(ES, "2t@ask");
                ctx.bars(ES, "2t");
            }

            @Override
            public void onQuote(QuoteView q) {
            }
        };
        Engine engine = engine(journal);
        engine.start();
        QuoteTranslator q = new QuoteTranslator();
        engine.publisher().publish(q.topOfBook(0, 1, 1, 100, 5, 101, 7));
        engine.publisher().publish(q.set(0, 2, 2, QuoteFields.ASK, 0, 0, 103, 0, 0, 0, 0));
        engine.publisher().publish(q.topOfBook(0, 3, 3, 99, 5, 100, 7));
        engine.shutdown();

        assertThat(journal.lines).containsExactly("bar 2t@ask 101/103/101/103 v0", "bar 2t@bid 100/100/99/99 v0");
    }

    @Test
    void barSeriesIsSharedBetweenStrategiesAskingForTheSameSpec() {
        AtomicReference<BarSeries> first = new AtomicReference<>();
        AtomicReference<BarSeries> second = new AtomicReference<>();
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .contract(ES)
                .strategy(StrategySpec.of("a", new Strategy() {
                    @Override
                    public void onStart(StrategyContext ctx) {
                        first.set(ctx.bars(ES, "2t"));
                    }
                }, ES.id()))
                .strategy(StrategySpec.of("b", new Strategy() {
                    @Override
                    public void onStart(StrategyContext ctx) {
                        second.set(ctx.bars(ES, "2t"));
                    }
                }, ES.id()))
                .build();
        engine.start();
        TradeTranslator t = new TradeTranslator();
        for (int i = 1; i <= 5; i++) {
            engine.publisher().publish(t.set(0, i, i, 100 + i, 1, Side.SELL));
        }
        engine.shutdown();

        assertThat(first.get()).isSameAs(second.get());
        assertThat(first.get().size()).isEqualTo(2);
        assertThat(first.get().close(0)).isEqualTo(104);
        assertThat(first.get().close(1)).isEqualTo(102);
    }

    @Test
    void contextRejectsContractsTheStrategyIsNotConfiguredFor() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        Engine engine = Engine.builder()
                .contract(ES)
                .contract(NQ)
                .tickerPeriod(null)
                .strategy(StrategySpec.of("es-only", new Strategy() {
                    @Override
                    public void onStart(StrategyContext ctx) {
                        try {
                            ctx.bars(NQ, "1m");
                        } catch (IllegalArgumentException e) {
                            error.set(e);
                        }
                    }
                }, ES.id()))
                .build();
        engine.start();
        engine.shutdown();

        assertThat(error.get()).hasMessageContaining("not configured for contract CON.F.US.ENQ.Z25");
    }

    @Test
    void contextUsedFromAnotherThreadFailsLoudly() {
        AtomicReference<StrategyContext> captured = new AtomicReference<>();
        Engine engine = Engine.builder()
                .contract(ES)
                .tickerPeriod(null)
                .strategy(StrategySpec.of("leaky", new Strategy() {
                    @Override
                    public void onStart(StrategyContext ctx) {
                        captured.set(ctx);
                    }
                }, ES.id()))
                .build();
        engine.start();
        engine.shutdown();

        assertThatThrownBy(() -> captured.get().bars(ES, "1m"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be called on the engine thread");
    }

    @Test
    void unknownContractInAStrategySpecIsRejectedAtBuildTime() {
        assertThatThrownBy(() -> Engine.builder().contract(ES)
                .strategy(StrategySpec.of("x", new Strategy() {
                }, "CON.F.US.NOPE.Z25")).build())
                .hasMessageContaining("unknown contract 'CON.F.US.NOPE.Z25'");
        assertThatThrownBy(() -> Engine.builder().contract(ES)
                .strategy(StrategySpec.of("x", new Strategy() {
                }, ES.id()))
                .strategy(StrategySpec.of("x", new Strategy() {
                }, ES.id())))
                .hasMessageContaining("two strategies are named 'x'");
    }
}
