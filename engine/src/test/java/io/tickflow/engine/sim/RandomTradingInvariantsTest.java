package io.tickflow.engine.sim;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.core.StrategyState;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.time.ManualClock;

/**
 * A strategy doing random things (every order type, brackets, OCO pairs, cancels, modifies,
 * flattens, reversals) on a random walk, seeded; afterwards the engine and the exchange must
 * agree and the books must balance.
 */
class RandomTradingInvariantsTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    /**
     * Once the engine knows one leg of an OCO pair or of a bracket filled, the other leg is
     * cancelled. (Both may fill on the same market event — the price of emulating the pair —
     * so the check is that the other is finished, not that it did not fill.) A bracket's legs
     * are those the strategy heard the engine place for it ({@link RandomTrader#bracketLegs}).
     */
    private static void assertSiblingsNeverWorkAfterOneFilled(RandomTrader trader, String context) {
        for (long[] pair : trader.ocoPairs) {
            assertNotWorkingAfterSiblingFilled(trader, "OCO", pair[0], pair[1], context);
        }
        for (long[] legs : trader.bracketLegs) {
            assertNotWorkingAfterSiblingFilled(trader, "bracket", legs[0], legs[1], context);
        }
        assertThat(trader.unexpectedOrders).as(context + ": orders placed for the strategy that are no bracket leg")
                .isEmpty();
    }

    private static void assertNotWorkingAfterSiblingFilled(RandomTrader trader, String kind, long first, long second,
                                                           String context) {
        boolean firstFilled = trader.lastStatus.get(first) == OrderStatus.FILLED;
        boolean secondFilled = trader.lastStatus.get(second) == OrderStatus.FILLED;
        if (firstFilled || secondFilled) {
            long other = firstFilled ? second : first;
            assertThat(trader.lastStatus.get(other).isTerminal())
                    .as(context + ": %s leg %d is %s after its sibling filled", kind, other,
                            trader.lastStatus.get(other))
                    .isTrue();
        }
    }

    /** Brackets of the trader in which a leg filled: those the sibling check had something to check in. */
    private static long bracketsWithAFilledLeg(RandomTrader trader) {
        return trader.bracketLegs.stream()
                .filter(legs -> trader.lastStatus.get(legs[0]) == OrderStatus.FILLED
                        || trader.lastStatus.get(legs[1]) == OrderStatus.FILLED)
                .count();
    }

    /**
     * The OCO half of {@link #assertSiblingsNeverWorkAfterOneFilled} after every event, where
     * the engine hears the exchange at once (in process): a leg's fill and the cancel of its
     * sibling are processed with the event that filled it, so no state in between may show a
     * filled leg beside a working one. Brackets are checked on the final state only: while the
     * entry is still filling, a leg that filled leaves its sibling working for the contracts
     * the entry added. Pairs whose legs have both finished can never change again and are
     * checked no more.
     */
    private static final class OcoWatch {
        private final RandomTrader trader;
        private int seen;
        private final List<long[]> unsettled = new ArrayList<>();

        OcoWatch(RandomTrader trader) {
            this.trader = trader;
        }

        void check(String context) {
            for (; seen < trader.ocoPairs.size(); seen++) {
                unsettled.add(trader.ocoPairs.get(seen));
            }
            unsettled.removeIf(pair -> {
                assertNotWorkingAfterSiblingFilled(trader, "OCO", pair[0], pair[1], context);
                return terminal(pair[0]) && terminal(pair[1]);
            });
            assertThat(trader.unexpectedOrders).as(context + ": orders placed for the strategy that are no bracket leg")
                    .isEmpty();
        }

        /** Pairs checked so far, both of whose legs have finished. */
        int settled() {
            return seen - unsettled.size();
        }

        private boolean terminal(long clientOrderId) {
            OrderStatus status = trader.lastStatus.get(clientOrderId);
            return status != null && status.isTerminal();
        }
    }

    private static FillModel randomModel(Random r) {
        return new FillModel(r.nextInt(2), r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean());
    }

    @Test
    void engineAndExchangeAgreeAndTheBooksBalanceWhateverTheStrategyDoes() {
        long seed = 20_261_124L;
        long bracketsChecked = 0;
        long ocosSettled = 0;
        for (int round = 0; round < 20; round++) {
            long roundSeed = seed + round;
            String context = "seed " + roundSeed;
            Random market = new Random(roundSeed * 31);
            RandomTrader trader = new RandomTrader(roundSeed);
            OcoWatch ocos = new OcoWatch(trader);
            List<long[]> fills = new ArrayList<>();
            Engine engine = Engine.builder()
                    .config(EngineConfig.defaults().withEventTime(true))
                    .simulatedExchange(randomModel(market))
                    .commissions(new CommissionSchedule(125, Map.of()))
                    .listener(new EngineListener() {
                        @Override
                        public void onOrderFilled(OrderView order, long tradeId, long size, long price, long ts) {
                            fills.add(new long[] {order.side().sign(), size, price});
                        }
                    })
                    .contract(ES)
                    .strategy(StrategySpec.of("random", trader, ES.id()))
                    .build();
            // inline, so that the invariant can be checked after every event, with its answers, has been processed
            engine.startInline();
            QuoteTranslator quote = new QuoteTranslator();
            TradeTranslator trade = new TradeTranslator();
            long bid = 24_000;
            for (int i = 1; i <= 3_000; i++) {
                bid += market.nextInt(5) - 2;
                long ts = 1_764_000_000_000_000_000L + i * 1_000_000L;
                engine.processInline(quote.topOfBook(0, ts, ts, bid, 1 + market.nextInt(6), bid + 1,
                        1 + market.nextInt(6)));
                ocos.check(context + ", after the quote at step " + i);
                if (market.nextBoolean()) {
                    engine.processInline(trade.set(0, ts + 1, ts + 1, market.nextBoolean() ? bid : bid + 1,
                            1 + market.nextInt(4), null));
                    ocos.check(context + ", after the trade at step " + i);
                }
            }
            engine.stopInline();

            Position position = engine.positions().position(ACCOUNT, 0);
            assertThat(position.net()).as(context).isEqualTo(engine.simulatedExchange().net(ACCOUNT, 0));
            long signedSum = fills.stream().mapToLong(f -> f[0] * f[1]).sum();
            assertThat(position.net()).as(context + ": position = sum of fills").isEqualTo(signedSum);
            long cash = fills.stream().mapToLong(f -> -f[0] * f[1] * f[2]).sum();
            long contracts = fills.stream().mapToLong(f -> f[1]).sum();
            assertThat(position.commissionCents()).as(context).isEqualTo(contracts * 125);
            assertThat(position.realizedCents() + position.unrealizedCents(bid)).as(context + ": PnL = cash marked")
                    .isEqualTo((cash + signedSum * bid) * ES.tickValueCents());
            assertThat(trader.fillsPerTrade.values()).as(context + ": every fill delivered once").containsOnly(1);
            assertSiblingsNeverWorkAfterOneFilled(trader, context);
            bracketsChecked += bracketsWithAFilledLeg(trader);
            ocosSettled += ocos.settled();
            assertThat(trader.ocoPairs).as(context).isNotEmpty();
            assertThat(trader.bracketLegs).as(context).isNotEmpty();
            assertThat(fills).as(context).isNotEmpty();
        }
        assertThat(bracketsChecked).as("brackets in which a leg filled").isPositive();
        assertThat(ocosSettled).as("OCO pairs watched from placement to their end, event by event").isPositive();
    }

    /**
     * The same random strategy against an exchange behind a bad network: answers and hub events
     * arrive late, reordered and duplicated, and user-hub outages lose events and end in a
     * reconnect snapshot. After everything has arrived and a last reconnect, the engine must
     * agree with the exchange on the position, on every fill (applied once) and on which orders
     * still work; no placement was ever sent twice; no OCO or bracket leg works while its
     * sibling is filled; and the money balances.
     */
    @Test
    void lateReorderedDuplicatedAndLostEventsStillReconcileToTheExchange() {
        long seed = 4_242L;
        int delivered = 0;
        int duplicated = 0;
        int lost = 0;
        int outages = 0;
        long bracketsChecked = 0;
        for (int round = 0; round < 30; round++) {
            long roundSeed = seed + round;
            String context = "seed " + roundSeed;
            Random market = new Random(roundSeed * 17);
            RandomTrader trader = new RandomTrader(roundSeed);
            ManualClock clock = new ManualClock(1_764_000_000_000_000_000L);
            ContractRegistry registry = new ContractRegistry();
            registry.register(ES);
            ChaosVenue venue = new ChaosVenue(registry, clock, randomModel(market), new Random(roundSeed * 7));
            Engine engine = Engine.builder()
                    .config(EngineConfig.defaults().withEventTime(true))
                    .clock(clock)
                    .gateway(venue)
                    .commissions(new CommissionSchedule(125, Map.of()))
                    .contract(ES)
                    .strategy(StrategySpec.of("random", trader, ES.id()))
                    .build();
            venue.connect(engine::processInline);
            engine.startInline();
            QuoteTranslator quote = new QuoteTranslator();
            TradeTranslator trade = new TradeTranslator();
            long bid = 24_000;
            for (int i = 1; i <= 2_000; i++) {
                bid += market.nextInt(5) - 2;
                long ts = 1_764_000_000_000_000_000L + i * 1_000_000L;
                long bidSize = 1 + market.nextInt(6);
                long askSize = 1 + market.nextInt(6);
                clock.advanceTo(ts);
                venue.exchange.onQuote(0, bid, bidSize, bid + 1, askSize);
                engine.processInline(quote.topOfBook(0, ts, ts, bid, bidSize, bid + 1, askSize));
                if (market.nextBoolean()) {
                    long price = market.nextBoolean() ? bid : bid + 1;
                    long size = 1 + market.nextInt(4);
                    venue.exchange.onTrade(0, price, size);
                    engine.processInline(trade.set(0, ts, ts, price, size, null));
                }
                venue.deliverSome();
                if (market.nextInt(250) == 0) {
                    venue.outage();
                }
            }
            venue.deliverAll();
            venue.outage();
            venue.deliverAll();
            assertThat(engine.strategyState("random")).as(context + ": the strategy never failed")
                    .isEqualTo(StrategyState.RUNNING);
            engine.stopInline();

            assertThat(venue.duplicatePlacements).as(context + ": placements sent twice").isEmpty();
            Position position = engine.positions().position(ACCOUNT, 0);
            long exchangeNet = venue.exchange.net(ACCOUNT, 0);
            assertThat(position.net()).as(context + ": position").isEqualTo(exchangeNet);
            long signedSum = venue.trades.stream().mapToLong(f -> f.side.sign() * f.size).sum();
            assertThat(exchangeNet).as(context).isEqualTo(signedSum);
            assertThat(trader.fillsPerTrade.keySet()).as(context + ": every trade known")
                    .containsExactlyInAnyOrderElementsOf(venue.trades.stream().map(f -> f.tradeId).toList());
            assertThat(trader.fillsPerTrade.values()).as(context + ": every fill delivered once").containsOnly(1);
            long cash = venue.trades.stream().mapToLong(f -> -f.side.sign() * f.size * f.priceTicks).sum();
            long contracts = venue.trades.stream().mapToLong(f -> f.size).sum();
            assertThat(position.commissionCents()).as(context).isEqualTo(contracts * 125);
            assertThat(position.realizedCents() + position.unrealizedCents(bid)).as(context + ": PnL = cash marked")
                    .isEqualTo((cash + signedSum * bid) * ES.tickValueCents());
            for (InboundEvent theirs : venue.orders.values()) {
                OrderStatus ours = trader.lastStatus.get(theirs.clientOrderId);
                assertThat(ours != null && ours.isTerminal())
                        .as(context + ": order %d is %s at the exchange, %s here", theirs.clientOrderId,
                                theirs.orderStatus, ours)
                        .isEqualTo(theirs.orderStatus.isTerminal());
            }
            assertSiblingsNeverWorkAfterOneFilled(trader, context);
            bracketsChecked += bracketsWithAFilledLeg(trader);
            delivered += venue.delivered;
            duplicated += venue.duplicated;
            lost += venue.lost;
            outages += venue.outages;
        }
        System.out.printf("chaos interleavings: %d events delivered, %d duplicated, %d lost in %d outages; "
                + "%d brackets with a filled leg%n", delivered, duplicated, lost, outages, bracketsChecked);
        assertThat(duplicated).isPositive();
        assertThat(lost).isPositive();
        assertThat(bracketsChecked).as("brackets in which a leg filled").isPositive();
    }
}
