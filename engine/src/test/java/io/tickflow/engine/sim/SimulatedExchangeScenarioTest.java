package io.tickflow.engine.sim;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** Scenarios through the whole pipeline: ring → strategy → router → simulated exchange → back. */
class SimulatedExchangeScenarioTest {
    /** Acts once, on the first quote, and records every order and fill callback. */
    private static class Scripted implements Strategy {
        final List<String> log = new ArrayList<>();
        private final BiConsumer<Orders, Scripted> onFirstQuote;
        StrategyContext ctx;
        long lastOrderId;
        private boolean acted;

        Scripted(BiConsumer<Orders, Scripted> onFirstQuote) {
            this.onFirstQuote = onFirstQuote;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView quote) {
            if (!acted) {
                acted = true;
                onFirstQuote.accept(ctx.orders(), this);
            }
        }

        @Override
        public void onOrder(OrderView o) {
            log.add("order " + o.clientOrderId() + " " + o.status() + " " + o.filledSize() + "/" + o.size());
        }

        @Override
        public void onFill(FillView f) {
            log.add("fill " + f.side() + " " + f.size() + "@" + f.priceTicks());
        }
    }

    private final QuoteTranslator quote = new QuoteTranslator();
    private final TradeTranslator trade = new TradeTranslator();

    private Engine engine(Strategy strategy, FillModel model) {
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(model)
                .contract(ES)
                .strategy(StrategySpec.of("s", strategy, ES.id()))
                .build();
        engine.start();
        return engine;
    }

    private void quote(Engine engine, long ts, long bid, long ask) {
        engine.publisher().publish(quote.topOfBook(0, ts, ts, bid, 10, ask, 10));
    }

    private void print(Engine engine, long ts, long price) {
        print(engine, ts, price, 1);
    }

    private void quote(Engine engine, long ts, long bid, long bidSize, long ask, long askSize) {
        engine.publisher().publish(quote.topOfBook(0, ts, ts, bid, bidSize, ask, askSize));
    }

    private void print(Engine engine, long ts, long price, long size) {
        engine.publisher().publish(trade.set(0, ts, ts, price, size, null));
    }

    @Test
    void aMarketOrderFillsAtTheOppositeBestPlusSlippageAndMovesThePosition() {
        Scripted s = new Scripted((orders, self) -> self.lastOrderId = orders.market(ES, BUY, 2));
        Engine engine = engine(s, new FillModel(1, false, false));
        quote(engine, 1, 100, 101);
        engine.shutdown();

        long id = s.lastOrderId;
        assertThat(s.log).containsExactly(
                "order " + id + " PENDING 0/2",
                "order " + id + " OPEN 0/2",
                "fill BUY 2@102",
                "order " + id + " FILLED 2/2");
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(2);
        assertThat(engine.simulatedExchange().net(StrategySpec.DEFAULT_ACCOUNT, 0)).isEqualTo(2);
    }

    @Test
    void aRestingLimitFillsOnlyWhenTradedThroughUnderTheConservativeModel() {
        Scripted s = new Scripted((orders, self) -> self.lastOrderId = orders.limit(ES, BUY, 1, 98));
        Engine engine = engine(s, FillModel.conservative());
        quote(engine, 1, 100, 101);
        print(engine, 2, 98);
        quote(engine, 3, 98, 99);
        print(engine, 4, 97);
        engine.shutdown();

        assertThat(s.log).containsSubsequence("fill BUY 1@98");
        assertThat(s.log.indexOf("fill BUY 1@98")).isEqualTo(s.log.size() - 2);
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(1);
    }

    @Test
    void atTouchALimitFillsWhenTheMarketReachesItsPrice() {
        Scripted s = new Scripted((orders, self) -> orders.limit(ES, SELL, 1, 103));
        Engine engine = engine(s, new FillModel(0, true, false));
        quote(engine, 1, 100, 101);
        print(engine, 2, 103);
        engine.shutdown();

        assertThat(s.log).contains("fill SELL 1@103");
    }

    @Test
    void aStopTriggersOnATradePrintAndFillsLikeAMarketOrder() {
        Scripted s = new Scripted((orders, self) -> orders.stop(ES, BUY, 1, 105));
        Engine engine = engine(s, new FillModel(1, false, false));
        quote(engine, 1, 100, 101);
        print(engine, 2, 104);
        quote(engine, 3, 104, 105);
        print(engine, 4, 105);
        engine.shutdown();

        assertThat(s.log).contains("fill BUY 1@106");
        assertThat(s.log).filteredOn(l -> l.startsWith("fill")).hasSize(1);
    }

    @Test
    void aTrailingStopFollowsTheHighAndTriggersOnTheWayDown() {
        Scripted s = new Scripted((orders, self) -> {
            orders.market(ES, BUY, 1);
            orders.trailingStop(ES, SELL, 1, 3);
        });
        Engine engine = engine(s, FillModel.conservative());
        quote(engine, 1, 100, 101);
        print(engine, 2, 101);
        print(engine, 3, 106);
        print(engine, 4, 104);
        quote(engine, 5, 102, 103);
        print(engine, 6, 103);
        engine.shutdown();

        assertThat(s.log).contains("fill BUY 1@101", "fill SELL 1@102");
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).isFlat()).isTrue();
        assertThat(engine.positions().realizedCents(StrategySpec.DEFAULT_ACCOUNT)).isEqualTo(1_250);
    }

    @Test
    void aStopLimitTriggeredPastItsLimitRestsAtTheLimitAndTheStrategyHearsOnlyItsFill() {
        Scripted s = new Scripted((orders, self) -> self.lastOrderId = orders.stopLimit(ES, BUY, 1, 105, 106));
        Engine engine = engine(s, new FillModel(1, false, false));
        quote(engine, 1, 100, 101);
        quote(engine, 2, 106, 107);
        print(engine, 3, 107);            // triggers; the ask is above the limit, so it rests at 106
        print(engine, 4, 106);            // at its price: not through under the conservative model
        print(engine, 5, 105);            // through: filled at the limit, no slippage
        engine.shutdown();

        long id = s.lastOrderId;
        assertThat(s.log).containsExactly(
                "order " + id + " PENDING 0/1",
                "order " + id + " OPEN 0/1",
                "fill BUY 1@106",
                "order " + id + " FILLED 1/1");
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).avgPriceMicroTicks())
                .isEqualTo(106 * PriceTicks.MICROS_PER_TICK);
    }

    @Test
    void joinBidAndJoinAskWorkAtTheTouchOfTheQuoteTheyWerePlacedOn() {
        List<Long> ids = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        Scripted s = new Scripted((orders, self) -> {
            ids.add(orders.joinBid(ES, 1));
            ids.add(orders.joinAsk(ES, 2));
        }) {
            @Override
            public void onOrder(OrderView o) {
                super.onOrder(o);
                limits.add(o.clientOrderId() + " " + o.status() + " " + o.type() + " " + o.limitTicks());
            }
        };
        Engine engine = engine(s, FillModel.conservative());
        quote(engine, 1, 100, 103);
        quote(engine, 2, 101, 102);
        print(engine, 3, 99);
        print(engine, 4, 104);
        engine.shutdown();

        assertThat(limits).contains(ids.get(0) + " OPEN JOIN_BID 100", ids.get(1) + " OPEN JOIN_ASK 103");
        assertThat(s.log).filteredOn(l -> l.startsWith("fill")).containsExactly("fill BUY 1@100", "fill SELL 2@103");
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(-1);
    }

    @Test
    void aCancelledLimitNeverFillsAndAMarketOrderWithoutAQuoteIsRejected() {
        Scripted s = new Scripted((orders, self) -> {
            self.lastOrderId = orders.limit(ES, BUY, 1, 90);
            orders.cancel(self.lastOrderId);
        });
        Engine engine = engine(s, FillModel.conservative());
        quote(engine, 1, 100, 101);
        print(engine, 2, 80);
        engine.shutdown();

        assertThat(s.log).contains("order " + s.lastOrderId + " CANCELLED 0/1");
        assertThat(s.log).noneMatch(l -> l.startsWith("fill"));
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
    }

    // ---- displayed liquidity: partial fills and the queue ----

    @Test
    void aMarketOrderLargerThanTheDisplayedSizeFillsPartlyAndTakesTheRestFromLaterQuotes() {
        Scripted s = new Scripted((orders, self) -> self.lastOrderId = orders.market(ES, BUY, 5));
        Engine engine = engine(s, FillModel.depthAware(0));
        quote(engine, 1, 100, 10, 101, 2);
        quote(engine, 2, 101, 10, 102, 1);
        quote(engine, 3, 101, 10, 103, 9);
        engine.shutdown();

        long id = s.lastOrderId;
        assertThat(s.log).containsExactly(
                "order " + id + " PENDING 0/5",
                "order " + id + " OPEN 0/5",
                "fill BUY 2@101",
                "order " + id + " OPEN 2/5",
                "fill BUY 1@102",
                "order " + id + " OPEN 3/5",
                "fill BUY 2@103",
                "order " + id + " FILLED 5/5");
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(5);
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).avgPriceMicroTicks())
                .isEqualTo((2 * 101 + 102 + 2 * 103) * 1_000_000L / 5);
    }

    @Test
    void ordersOnTheSameQuoteShareItsDisplayedSizeOldestFirst() {
        List<Long> ids = new ArrayList<>();
        Scripted s = new Scripted((orders, self) -> {
            ids.add(orders.market(ES, SELL, 3));
            ids.add(orders.market(ES, SELL, 3));
        });
        Engine engine = engine(s, FillModel.depthAware(0));
        quote(engine, 1, 100, 4, 101, 10);
        engine.shutdown();

        assertThat(s.log).containsSubsequence("fill SELL 3@100", "fill SELL 1@100");
        assertThat(s.log).contains("order " + ids.get(0) + " FILLED 3/3", "order " + ids.get(1) + " OPEN 1/3");
        assertThat(engine.simulatedExchange().restingOrders(0)).isEqualTo(1);
    }

    @Test
    void aRestingLimitTakesNoMoreThanThePrintsThatTradeThroughIt() {
        Scripted s = new Scripted((orders, self) -> self.lastOrderId = orders.limit(ES, BUY, 5, 98));
        Engine engine = engine(s, FillModel.depthAware(0));
        quote(engine, 1, 100, 10, 101, 10);
        print(engine, 2, 97, 2);
        print(engine, 3, 96, 10);
        engine.shutdown();

        assertThat(s.log).containsSubsequence("fill BUY 2@98", "order " + s.lastOrderId + " OPEN 2/5",
                "fill BUY 3@98", "order " + s.lastOrderId + " FILLED 5/5");
    }

    @Test
    void aLimitJoiningTheBidWaitsBehindTheDisplayedQueue() {
        Scripted s = new Scripted((orders, self) -> self.lastOrderId = orders.limit(ES, BUY, 3, 100));
        Engine engine = engine(s, FillModel.depthAware(0));
        quote(engine, 1, 100, 10, 101, 10);   // joins behind 10
        print(engine, 2, 100, 6);             // 4 ahead
        quote(engine, 3, 100, 3, 101, 10);    // cancellations ahead: 3 ahead
        print(engine, 4, 100, 4);             // eats the 3, fills 1
        print(engine, 5, 100, 5);             // fills the last 2
        engine.shutdown();

        assertThat(s.log).filteredOn(l -> l.startsWith("fill")).containsExactly("fill BUY 1@100", "fill BUY 2@100");
        assertThat(s.log).contains("order " + s.lastOrderId + " FILLED 3/3");
    }

    @Test
    void aLimitInsideTheSpreadIsFirstInItsQueue() {
        Scripted s = new Scripted((orders, self) -> orders.limit(ES, SELL, 2, 102));
        Engine engine = engine(s, FillModel.depthAware(0));
        quote(engine, 1, 100, 10, 103, 10);
        print(engine, 2, 102, 1);
        print(engine, 3, 102, 1);
        engine.shutdown();

        assertThat(s.log).filteredOn(l -> l.startsWith("fill")).containsExactly("fill SELL 1@102", "fill SELL 1@102");
    }

    @Test
    void withoutPartialFillsTheQueueStillDecidesWhenTheWholeOrderFills() {
        Scripted s = new Scripted((orders, self) -> orders.limit(ES, BUY, 3, 100));
        Engine engine = engine(s, FillModel.conservative().withLiquidity(false, true));
        quote(engine, 1, 100, 5, 101, 10);
        print(engine, 2, 100, 5);
        print(engine, 3, 100, 1);
        engine.shutdown();

        assertThat(s.log).filteredOn(l -> l.startsWith("fill")).containsExactly("fill BUY 3@100");
        assertThat(s.log.indexOf("fill BUY 3@100")).isGreaterThan(0);
    }

    @Test
    void aBracketEntryFilledInPartsGrowsItsProtectiveLegsWithEachFill() {
        Scripted s = new Scripted((orders, self) -> self.lastOrderId = orders.bracket(ES, BUY, 4, PriceTicks.NONE, 5, 5));
        Engine engine = engine(s, FillModel.depthAware(0));
        quote(engine, 1, 100, 10, 101, 1);
        quote(engine, 2, 100, 10, 101, 10);
        engine.shutdown();

        assertThat(s.log).filteredOn(l -> l.startsWith("fill")).containsExactly("fill BUY 1@101", "fill BUY 3@101");
        assertThat(s.log).filteredOn(l -> l.endsWith("OPEN 0/4")).hasSize(3);
        assertThat(engine.simulatedExchange().restingOrders(0)).isEqualTo(2);
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(4);
    }

    @Test
    void aTriggeredTrailingStopTakesOnlyTheDisplayedBidAndSellsTheRestOnLaterQuotes() {
        Scripted s = new Scripted((orders, self) -> {
            orders.market(ES, BUY, 3);
            self.lastOrderId = orders.trailingStop(ES, SELL, 3, 3);
        });
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative().withLiquidity(true, false))
                .contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id()))
                .build();
        engine.startInline();
        SimulatedExchange exchange = engine.simulatedExchange();
        engine.processInline(quote.topOfBook(0, 1, 1, 100, 10, 101, 10));
        engine.processInline(trade.set(0, 2, 2, 101, 1, null));
        engine.processInline(trade.set(0, 3, 3, 106, 1, null)); // the stop trails up to 103
        engine.processInline(trade.set(0, 4, 4, 104, 1, null));
        engine.processInline(quote.topOfBook(0, 5, 5, 102, 1, 103, 10));
        assertThat(exchange.net(StrategySpec.DEFAULT_ACCOUNT, 0)).isEqualTo(3);

        engine.processInline(trade.set(0, 6, 6, 103, 1, null)); // triggers: 1 bid at 102 shown
        long id = s.lastOrderId;
        assertThat(s.log).containsSubsequence("fill SELL 1@102", "order " + id + " OPEN 1/3");
        assertThat(exchange.restingOrders(0)).isEqualTo(1);
        assertThat(exchange.net(StrategySpec.DEFAULT_ACCOUNT, 0)).isEqualTo(2);

        engine.processInline(trade.set(0, 7, 7, 108, 1, null)); // triggered: it no longer trails, it waits for bids
        assertThat(s.log).filteredOn(l -> l.startsWith("fill")).hasSize(2);
        assertThat(exchange.restingOrders(0)).isEqualTo(1);

        engine.processInline(quote.topOfBook(0, 8, 8, 101, 2, 102, 10));
        engine.stopInline();
        assertThat(s.log).filteredOn(l -> l.startsWith("fill"))
                .containsExactly("fill BUY 3@101", "fill SELL 1@102", "fill SELL 2@101");
        assertThat(s.log).endsWith("order " + id + " FILLED 3/3");
        assertThat(exchange.restingOrders(0)).isZero();
        assertThat(exchange.net(StrategySpec.DEFAULT_ACCOUNT, 0)).isZero();
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).realizedTicks()).isEqualTo(1);
    }
}
