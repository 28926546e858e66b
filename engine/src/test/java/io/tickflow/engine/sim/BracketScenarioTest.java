package io.tickflow.engine.sim;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.PositionView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.TradeView;

/** Emulated brackets and OCO pairs against the simulated exchange. */
class BracketScenarioTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    private static final class OnFirstQuote implements Strategy {
        final List<String> fills = new ArrayList<>();
        final List<String> finished = new ArrayList<>();
        private final Consumer<Orders> action;
        private StrategyContext ctx;
        private boolean done;

        OnFirstQuote(Consumer<Orders> action) {
            this.action = action;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (!done) {
                done = true;
                action.accept(ctx.orders());
            }
        }

        @Override
        public void onFill(FillView f) {
            fills.add(f.side() + " " + f.size() + "@" + f.priceTicks());
        }

        @Override
        public void onOrder(OrderView o) {
            if (o.status() == OrderStatus.CANCELLED || o.status() == OrderStatus.REJECTED) {
                finished.add(o.type() + " " + o.status());
            }
        }
    }

    /**
     * Acts on the first quote and, if told to, on the first trade print; records every fill,
     * every order update ("TYPE STATUS filled/size") and the last position it heard.
     */
    private static final class Script implements Strategy {
        final List<String> fills = new ArrayList<>();
        final List<String> heard = new ArrayList<>();
        long netHeard;
        private final Consumer<Orders> onFirstQuote;
        private final Consumer<Orders> onFirstTrade;
        private StrategyContext ctx;
        private boolean quoted;
        private boolean traded;

        Script(Consumer<Orders> onFirstQuote, Consumer<Orders> onFirstTrade) {
            this.onFirstQuote = onFirstQuote;
            this.onFirstTrade = onFirstTrade;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (!quoted) {
                quoted = true;
                onFirstQuote.accept(ctx.orders());
            }
        }

        @Override
        public void onTrade(TradeView t) {
            if (!traded && onFirstTrade != null) {
                traded = true;
                onFirstTrade.accept(ctx.orders());
            }
        }

        @Override
        public void onFill(FillView f) {
            fills.add(f.side() + " " + f.size() + "@" + f.priceTicks());
        }

        @Override
        public void onOrder(OrderView o) {
            heard.add(o.type() + " " + o.status() + " " + o.filledSize() + "/" + o.size());
        }

        @Override
        public void onPosition(PositionView p) {
            netHeard = p.netPosition();
        }
    }

    /** Orders take no more than the displayed size or the printed size; limits fill when traded through. */
    private static final FillModel PARTIAL_FILLS = FillModel.conservative().withLiquidity(true, false);

    private final QuoteTranslator quote = new QuoteTranslator();
    private final TradeTranslator trade = new TradeTranslator();
    private long ts = 1;

    /** An engine run inline on the test's thread, so the exchange can be inspected between events. */
    private static Engine inline(Strategy s) {
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(PARTIAL_FILLS)
                .contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id()))
                .build();
        engine.startInline();
        return engine;
    }

    private void quote(Engine engine, long bid, long bidSize, long ask, long askSize) {
        engine.processInline(quote.topOfBook(0, ts, ts, bid, bidSize, ask, askSize));
        ts++;
    }

    private void print(Engine engine, long price, long size) {
        engine.processInline(trade.set(0, ts, ts, price, size, null));
        ts++;
    }

    private static void assertExchange(Engine engine, int working, long net) {
        assertThat(engine.simulatedExchange().restingOrders(0)).as("orders working at the exchange").isEqualTo(working);
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).as("position at the exchange").isEqualTo(net);
        assertThat(engine.positions().position(ACCOUNT, 0).net()).as("position in the engine").isEqualTo(net);
    }

    private Engine run(Strategy s, RiskLimits limits, long... prints) {
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative())
                .risk(RiskLimits.none(), Map.of(ACCOUNT, limits))
                .contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id()))
                .build();
        engine.start();
        engine.publisher().publish(quote.topOfBook(0, 1, 1, 100, 10, 101, 10));
        long ts = 2;
        for (long p : prints) {
            engine.publisher().publish(trade.set(0, ts, ts, p, 1, null));
            ts++;
        }
        engine.shutdown();
        return engine;
    }

    @Test
    void theTakeProfitExitsAndCancelsTheStopLoss() {
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, BUY, 2, PriceTicks.NONE, 4, 6));
        Engine engine = run(s, RiskLimits.none(), 104, 107, 108);

        assertThat(s.fills).containsExactly("BUY 2@101", "SELL 2@107");
        assertThat(s.finished).containsExactly("STOP CANCELLED");
        assertThat(engine.positions().position(ACCOUNT, 0).isFlat()).isTrue();
        assertThat(engine.positions().position(ACCOUNT, 0).realizedTicks()).isEqualTo(12);
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
    }

    @Test
    void theStopLossExitsAndCancelsTheTakeProfit() {
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, SELL, 1, PriceTicks.NONE, 3, 5));
        // short 1 at the bid 100; stop-loss buy stop at 103; take-profit buy limit at 95
        Engine engine = run(s, RiskLimits.none(), 99, 102, 103);

        assertThat(s.fills).containsExactly("SELL 1@100", "BUY 1@101");
        assertThat(s.finished).containsExactly("LIMIT CANCELLED");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }

    @Test
    void aBracketAtPricesPutsItsLegsAtThosePricesWhateverTheFill() {
        // long 2 at the ask 101; stop-loss at 96 and take-profit at 110, given as prices
        OnFirstQuote s = new OnFirstQuote(o -> o.bracketAtPrices(ES, BUY, 2, PriceTicks.NONE, 96, 110));
        Engine engine = run(s, RiskLimits.none(), 104, 109, 110, 111);

        assertThat(s.fills).containsExactly("BUY 2@101", "SELL 2@110");
        assertThat(s.finished).containsExactly("STOP CANCELLED");
        assertThat(engine.positions().position(ACCOUNT, 0).realizedTicks()).isEqualTo(2 * 9);
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
    }

    @Test
    void aSellBracketAtPricesExitsAtItsStopLoss() {
        // short 1 at the bid 100: stop-loss buy stop at 104, take-profit buy limit at 90
        OnFirstQuote s = new OnFirstQuote(o -> o.bracketAtPrices(ES, SELL, 1, PriceTicks.NONE, 104, 90));
        Engine engine = run(s, RiskLimits.none(), 99, 103, 104);

        assertThat(s.fills).containsExactly("SELL 1@100", "BUY 1@101");
        assertThat(s.finished).containsExactly("LIMIT CANCELLED");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }

    @Test
    void aBracketAtPricesOnTheWrongSidesOfItsEntryIsRefusedBeforeAnythingIsSent() {
        List<String> refusals = new ArrayList<>();
        OnFirstQuote s = new OnFirstQuote(o -> {
            for (long[] legs : new long[][] {{110, 96}, {96, 99}, {101, 110}}) {
                try {
                    o.bracketAtPrices(ES, BUY, 1, 100, legs[0], legs[1]);
                } catch (IllegalArgumentException e) {
                    refusals.add(e.getMessage());
                }
            }
        });
        Engine engine = run(s, RiskLimits.none());

        assertThat(refusals).hasSize(3).first().asString()
                .isEqualTo("a BUY bracket needs its stop-loss below the entry and its take-profit above it; were "
                        + "stop-loss 110, entry 100, take-profit 96 (ticks)");
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
        assertThat(s.fills).isEmpty();
    }

    @Test
    void anOcoPairLetsOnlyOneSideFill() {
        OnFirstQuote s = new OnFirstQuote(o -> {
            o.market(ES, BUY, 1);
            o.oco(ES, SELL, 1, 110, 95);
        });
        Engine engine = run(s, RiskLimits.none(), 100, 94, 111);

        assertThat(s.fills).containsExactly("BUY 1@101", "SELL 1@100");
        assertThat(s.finished).containsExactly("LIMIT CANCELLED");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }

    @Test
    void aProtectiveLegBeyondThePriceBandIsPlacedForTheBandChecksOnlyNewRisk() {
        // the take-profit 30 ticks away is outside a 20-tick price band, which a leg is not held to
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, BUY, 1, PriceTicks.NONE, 4, 30));
        Engine engine = run(s, RiskLimits.none().withPriceBand(20), 101);

        assertThat(s.finished).isEmpty();
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(engine.simulatedExchange().restingOrders(0)).as("stop-loss and take-profit").isEqualTo(2);
    }

    @Test
    void aBracketFitsTwoWorkingOrdersForItsFilledEntryNoLongerCounts() {
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, BUY, 1, PriceTicks.NONE, 4, 30));
        Engine engine = run(s, RiskLimits.none().withMaxWorkingOrders(2), 101);

        assertThat(s.finished).isEmpty();
        assertThat(engine.simulatedExchange().restingOrders(0)).as("stop-loss and take-profit").isEqualTo(2);
    }

    @Test
    void withTheKillSwitchOnAWorkingEntryThatFillsStillGetsBothLegs() {
        Script s = new Script(o -> o.bracket(ES, BUY, 1, 100, 4, 8), null);
        Engine engine = inline(s);
        quote(engine, 100, 10, 101, 10); // the entry rests at 100
        engine.killSwitch(true);
        print(engine, 99, 1); // traded through: it fills, and its stop-loss and take-profit are not new risk
        engine.stopInline();

        assertThat(s.fills).containsExactly("BUY 1@100");
        assertExchange(engine, 2, 1);
    }

    @Test
    void bothProtectiveLegsRefusedFlattenThePositionOnceNotTwice() {
        // one order a second: the entry takes it, both legs are refused
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, BUY, 2, PriceTicks.NONE, 4, 30));
        Engine engine = run(s, RiskLimits.none().withMaxOrdersPerSecond(1), 101);

        assertThat(s.finished).containsExactly("STOP REJECTED", "LIMIT REJECTED");
        assertThat(s.fills).containsExactly("BUY 2@101", "SELL 2@100");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }

    @Test
    void aRejectedProtectiveLegFlattensTheUnprotectedPosition() {
        // with one working order allowed, the stop-loss takes it and the take-profit is refused
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, BUY, 1, PriceTicks.NONE, 4, 30));
        Engine engine = run(s, RiskLimits.none().withMaxWorkingOrders(1), 101);

        assertThat(s.finished).contains("LIMIT REJECTED", "STOP CANCELLED");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
        assertThat(engine.positions().position(ACCOUNT, 0).isFlat()).isTrue();
    }

    // ---- partial fills of legs, overfills, flattening ----

    @Test
    void anOcoLegFilledInPartsShrinksItsSiblingToWhatIsLeftAndCancelsItOnceComplete() {
        Script s = new Script(o -> {
            o.market(ES, BUY, 3);
            o.oco(ES, SELL, 3, 110, 95);
        }, null);
        Engine engine = inline(s);
        quote(engine, 100, 10, 101, 10);
        assertExchange(engine, 2, 3);

        print(engine, 111, 1);
        assertThat(s.fills).containsExactly("BUY 3@101", "SELL 1@110");
        assertThat(s.heard).containsSubsequence("LIMIT OPEN 1/3", "STOP OPEN 0/2");
        assertExchange(engine, 2, 2);

        print(engine, 112, 5);
        assertThat(s.fills).containsExactly("BUY 3@101", "SELL 1@110", "SELL 2@110");
        assertThat(s.heard).containsSubsequence("STOP OPEN 0/2", "LIMIT FILLED 3/3", "STOP CANCELLED 0/2");
        assertExchange(engine, 0, 0);

        print(engine, 94, 5); // through the cancelled stop
        engine.stopInline();
        assertThat(s.fills).hasSize(3);
        assertExchange(engine, 0, 0);
    }

    @Test
    void aTakeProfitFilledInPartsShrinksTheStopLossToTheRemainingPosition() {
        Script s = new Script(o -> o.bracket(ES, BUY, 3, PriceTicks.NONE, 4, 6), null);
        Engine engine = inline(s);
        quote(engine, 100, 10, 101, 10); // long 3 at 101: stop-loss sell stop at 97, take-profit sell limit at 107
        assertThat(s.heard).contains("STOP OPEN 0/3", "LIMIT OPEN 0/3");
        assertExchange(engine, 2, 3);

        print(engine, 108, 1);
        assertThat(s.fills).containsExactly("BUY 3@101", "SELL 1@107");
        assertThat(s.heard).containsSubsequence("LIMIT OPEN 1/3", "STOP OPEN 0/2");
        assertExchange(engine, 2, 2);

        print(engine, 108, 5);
        engine.stopInline();
        assertThat(s.fills).containsExactly("BUY 3@101", "SELL 1@107", "SELL 2@107");
        assertThat(s.heard).containsSubsequence("LIMIT FILLED 3/3", "STOP CANCELLED 0/2");
        assertExchange(engine, 0, 0);
        assertThat(engine.positions().position(ACCOUNT, 0).realizedTicks()).isEqualTo(18);
    }

    @Test
    void aStopLossFilledInPartsShrinksTheTakeProfitToTheRemainingPosition() {
        Script s = new Script(o -> o.bracket(ES, BUY, 3, PriceTicks.NONE, 4, 6), null);
        Engine engine = inline(s);
        quote(engine, 100, 10, 101, 10); // long 3 at 101: stop-loss at 97, take-profit at 107
        quote(engine, 97, 1, 98, 10);
        print(engine, 97, 1); // triggers the stop-loss, which takes the 1 bid and works on for the other 2
        assertThat(s.fills).containsExactly("BUY 3@101", "SELL 1@97");
        assertThat(s.heard).containsSubsequence("STOP OPEN 1/3", "LIMIT OPEN 0/2");
        assertExchange(engine, 2, 2);

        quote(engine, 96, 10, 97, 10);
        engine.stopInline();
        assertThat(s.fills).containsExactly("BUY 3@101", "SELL 1@97", "SELL 2@96");
        assertThat(s.heard).containsSubsequence("STOP FILLED 3/3", "LIMIT CANCELLED 0/2");
        assertExchange(engine, 0, 0);
        assertThat(engine.positions().position(ACCOUNT, 0).realizedTicks()).isEqualTo(-4 - 2 * 5);
    }

    @Test
    void bothOrdersOfAnOcoPairFillingOnTheSameQuoteHaveTheExcessClosedAtMarket() {
        Script s = new Script(o -> {
            o.market(ES, BUY, 2);
            o.oco(ES, SELL, 2, 107, 97); // the exit: a limit above, a stop below
        }, null);
        Engine engine = inline(s);
        quote(engine, 100, 10, 101, 10); // long 2 at 101
        quote(engine, 97, 1, 98, 10);
        print(engine, 97, 1); // the stop sells 1 and waits at market for a bid for the other; the limit shrinks to 1
        assertThat(s.heard).contains("LIMIT OPEN 0/1");

        // a gap up: the stop sells its last 1 at the bid and the limit is crossed, both at once
        quote(engine, 108, 10, 109, 10);
        engine.stopInline();

        // the limit rests first at the exchange, so it matches first
        assertThat(s.fills).containsExactly("BUY 2@101", "SELL 1@97", "SELL 1@107", "SELL 1@108", "BUY 1@109");
        assertExchange(engine, 0, 0);
        assertThat(s.netHeard).isZero();
    }

    @Test
    void bothLegsFillingOnTheSameQuoteHaveTheExcessClosedAtMarketAndTheAccountEndsFlat() {
        Script s = new Script(o -> o.bracket(ES, BUY, 2, PriceTicks.NONE, 4, 6), null);
        Engine engine = inline(s);
        quote(engine, 100, 10, 101, 10); // long 2 at 101: stop-loss at 97, take-profit at 107
        quote(engine, 97, 1, 98, 10);
        print(engine, 97, 1); // the stop-loss sells 1 and waits at market for a bid for the other
        assertThat(s.heard).containsSubsequence("STOP OPEN 1/2", "LIMIT OPEN 0/1");
        assertExchange(engine, 2, 1);

        // a gap up: the triggered stop-loss sells its last 1 at the bid and the take-profit is crossed, both at once
        quote(engine, 108, 10, 109, 10);
        engine.stopInline();

        // the short 1 the double exit opened was bought back at the ask by the engine, for the strategy, which hears it
        assertThat(s.fills).containsExactly("BUY 2@101", "SELL 1@97", "SELL 1@108", "SELL 1@107", "BUY 1@109");
        assertThat(s.heard).contains("STOP FILLED 2/2", "LIMIT FILLED 1/1", "MARKET FILLED 1/1");
        assertExchange(engine, 0, 0);
        assertThat(s.netHeard).isZero();
        assertThat(engine.positions().position(ACCOUNT, 0).realizedTicks()).isEqualTo(-4 + 7 - 2);
    }

    @Test
    void flatteningCancelsTheBracketsLegsAndTheRestOfItsEntryAndLeavesNothingWorking() {
        Script s = new Script(o -> o.bracket(ES, BUY, 3, PriceTicks.NONE, 4, 6), o -> o.flatten(ES));
        Engine engine = inline(s);
        quote(engine, 100, 10, 101, 1); // the entry buys the 1 offered and works on for 2; legs of 1 protect it
        assertThat(s.heard).contains("MARKET OPEN 1/3", "STOP OPEN 0/1", "LIMIT OPEN 0/1");
        assertExchange(engine, 3, 1);

        print(engine, 100, 1); // the strategy flattens
        assertThat(s.heard).contains("MARKET CANCELLED 1/3", "STOP CANCELLED 0/1", "LIMIT CANCELLED 0/1");
        assertThat(s.fills).containsExactly("BUY 1@101", "SELL 1@100");
        assertExchange(engine, 0, 0);

        // offers the entry would have bought, and prints through both legs' prices: nothing is left to fill
        quote(engine, 100, 10, 101, 10);
        print(engine, 96, 5);
        print(engine, 110, 5);
        engine.stopInline();
        assertThat(s.fills).containsExactly("BUY 1@101", "SELL 1@100");
        assertExchange(engine, 0, 0);
        assertThat(s.netHeard).isZero();
    }
}
