package io.tickflow.engine.order;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.FillTranslator;
import io.tickflow.engine.ring.OrderUpdateTranslator;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * What the simulated exchange does not produce on demand, scripted event by event: the gateway
 * reporting an order Expired (a day order at the session end, a GTD order at its date) or
 * cancelling a leg unasked, an order's FILLED update overtaking its trades, close-outs of
 * several paths at once — through the whole pipeline: a scripted gateway, the router, the risk
 * gate, the emulated brackets and OCO pairs, the strategy.
 */
class ScriptedGatewayTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;
    /** The scripted gateway names order {@code c} {@code GATEWAY + c}. */
    private static final long GATEWAY = 5_000;

    /** Does the next scripted action on each quote; records every order update it hears. */
    private static final class Scripted implements Strategy {
        final List<String> heard = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();
        private final List<Consumer<Scripted>> actions;
        /** What it does on every order update it hears, after recording it. */
        java.util.function.BiConsumer<Scripted, OrderView> onOrder = (me, o) -> { };
        Orders orders;
        private int quotes;

        int quotes() {
            return quotes;
        }

        @SafeVarargs
        Scripted(Consumer<Scripted>... actions) {
            this.actions = List.of(actions);
        }

        @Override
        public void onStart(StrategyContext context) {
            orders = context.orders();
        }

        @Override
        public void onQuote(QuoteView q) {
            if (quotes < actions.size()) {
                actions.get(quotes++).accept(this);
            }
        }

        @Override
        public void onOrder(OrderView o) {
            heard.add(o.clientOrderId() + " " + o.type() + " " + o.status() + " " + o.filledSize() + "/" + o.size()
                    + (o.status() == OrderStatus.REJECTED ? " " + o.rejectReason() : ""));
            onOrder.accept(this, o);
        }
    }

    /** Commands the engine sent, in order. */
    private final List<String> sent = new ArrayList<>();
    private final Map<Long, OrderRequest> placed = new HashMap<>();
    private final QuoteTranslator quote = new QuoteTranslator();
    private final CommandResultTranslator answer = new CommandResultTranslator();
    private final OrderUpdateTranslator update = new OrderUpdateTranslator();
    private final FillTranslator fill = new FillTranslator();
    private Engine engine;
    private long ts = 1_000;
    private long nextTradeId = 1;

    private Engine start(Scripted strategy, RiskLimits limits) {
        GatewayPort port = new GatewayPort() {
            @Override
            public void place(long clientOrderId, OrderRequest request) {
                placed.put(clientOrderId, request);
                sent.add("place " + clientOrderId + " " + request.type() + " " + request.side() + " " + request.size());
            }

            @Override
            public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
                sent.add("cancel " + (gatewayOrderId - GATEWAY));
            }

            @Override
            public void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size,
                               long limitTicks, long stopTicks) {
                sent.add("modify " + clientOrderId + " to " + size);
            }
        };
        engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .gateway(port)
                .risk(RiskLimits.none(), Map.of(ACCOUNT, limits))
                .contract(ES)
                .strategy(StrategySpec.of("s", strategy, ES.id()))
                .build();
        engine.startInline();
        return engine;
    }

    private void quote() {
        ts += 1_000_000;
        engine.processInline(quote.topOfBook(0, ts, ts, 100, 10, 101, 10));
    }

    /** The gateway accepts order {@code c} and reports it open. */
    private void accept(long c) {
        ts += 1_000;
        engine.processInline(answer.ack(CommandKind.PLACE, ts, ts, ACCOUNT, c, GATEWAY + c));
        report(c, OrderStatus.OPEN, 0);
    }

    private void report(long c, OrderStatus status, long filled) {
        ts += 1_000;
        OrderRequest r = placed.get(c);
        engine.processInline(update.set(0, ts, ts, ACCOUNT, GATEWAY + c, c, status, r.type(), r.side(), r.size(),
                filled, r.limitTicks(), r.stopTicks(), 0));
    }

    private void fill(long c, long size, long price) {
        ts += 1_000;
        Side side = placed.get(c).side();
        engine.processInline(fill.set(0, ts, ts, ACCOUNT, nextTradeId++, GATEWAY + c, side, size, price, 0,
                Long.MIN_VALUE, false));
    }

    /** The strategy's bracket entry accepted and filled at 101, both legs accepted: its entry, stop-loss and take-profit. */
    private long[] bracketWorking(Scripted s, long filled) {
        long entry = s.ids.get(0);
        accept(entry);
        fill(entry, filled, 101);
        accept(entry + 1);
        accept(entry + 2);
        return new long[] {entry, entry + 1, entry + 2};
    }

    private long net() {
        return engine.positions().position(ACCOUNT, 0).net();
    }

    @Test
    void anExpiredOrderEndsExpiredTheStrategyHearsItAndItNoLongerCountsAsWorking() {
        boolean[] cancelled = new boolean[1];
        Scripted s = new Scripted(
                me -> {
                    me.ids.add(me.orders.limit(ES, BUY, 1, 90));
                    me.ids.add(me.orders.limit(ES, BUY, 1, 91));
                },
                me -> {
                    me.ids.add(me.orders.limit(ES, BUY, 1, 92));
                    cancelled[0] = me.orders.cancel(me.ids.get(0));
                });
        start(s, RiskLimits.none().withMaxWorkingOrders(1));
        quote();
        long a = s.ids.get(0);
        long b = s.ids.get(1);
        accept(a);
        report(a, OrderStatus.EXPIRED, 0);
        report(a, OrderStatus.OPEN, 0); // late or duplicated: an expired order stays expired
        quote();
        engine.stopInline();
        long c = s.ids.get(2);

        assertThat(s.heard).containsExactly(
                a + " LIMIT PENDING 0/1",
                b + " LIMIT REJECTED 0/1 maxWorkingOrders: 1 orders already working, the maximum is 1",
                a + " LIMIT OPEN 0/1",
                a + " LIMIT EXPIRED 0/1",
                c + " LIMIT PENDING 0/1");
        assertThat(sent).as("the expired order freed its place; no cancel for it")
                .containsExactly("place " + a + " LIMIT BUY 1", "place " + c + " LIMIT BUY 1");
        assertThat(cancelled[0]).as("cancelling an expired order").isFalse();
    }

    @Test
    void aPartlyFilledOrderThatExpiresKeepsItsFillsAndNoLongerCountsTowardsThePositionLimit() {
        Scripted s = new Scripted(
                me -> me.ids.add(me.orders.limit(ES, BUY, 3, 90)),
                me -> me.ids.add(me.orders.limit(ES, BUY, 2, 90)),
                me -> me.ids.add(me.orders.limit(ES, BUY, 2, 90)));
        start(s, RiskLimits.none().withMaxPosition(3, 0));
        quote();
        long a = s.ids.get(0);
        accept(a);
        fill(a, 1, 90);
        quote();                         // 1 held + 2 still working on a + 2 = 5: refused
        report(a, OrderStatus.EXPIRED, 1);
        quote();                         // 1 held + 2 = 3: passes
        engine.stopInline();

        assertThat(s.heard).containsSubsequence(
                a + " LIMIT OPEN 1/3",
                s.ids.get(1) + " LIMIT REJECTED 0/2 maxPosition: position could reach 5 contracts, above the "
                        + "per-contract limit of 3",
                a + " LIMIT EXPIRED 1/3",
                s.ids.get(2) + " LIMIT PENDING 0/2");
        assertThat(sent).containsExactly("place " + a + " LIMIT BUY 3", "place " + s.ids.get(2) + " LIMIT BUY 2");
        assertThat(net()).isEqualTo(1);
    }

    @Test
    void anOcoLegThatExpiresLeavesItsSiblingWorkingWhichThenFillsAloneWithNothingToCancel() {
        Scripted s = new Scripted(me -> {
            long[] pair = me.orders.oco(ES, SELL, 2, 110, 95);
            me.ids.add(pair[0]);
            me.ids.add(pair[1]);
        });
        start(s, RiskLimits.none());
        quote();
        long limit = s.ids.get(0);
        long stop = s.ids.get(1);
        accept(limit);
        accept(stop);
        report(limit, OrderStatus.EXPIRED, 0);
        assertThat(sent).as("an expiry is no fill: the stop is neither cancelled nor resized")
                .containsExactly("place " + limit + " LIMIT SELL 2", "place " + stop + " STOP SELL 2");

        fill(stop, 1, 95);
        fill(stop, 1, 94);
        engine.stopInline();

        assertThat(s.heard).containsSubsequence(limit + " LIMIT EXPIRED 0/2", stop + " STOP OPEN 1/2",
                stop + " STOP FILLED 2/2");
        assertThat(sent).as("nothing sent for the expired leg").hasSize(2);
        assertThat(net()).isEqualTo(-2);
    }

    @Test
    void aBracketsExpiredTakeProfitLeavesTheStopLossProtectingThePositionUntilItFills() {
        Scripted s = new Scripted(me -> me.ids.add(me.orders.bracket(ES, BUY, 1, PriceTicks.NONE, 4, 8)));
        start(s, RiskLimits.none());
        quote();
        long entry = s.ids.get(0);
        accept(entry);
        fill(entry, 1, 101);
        long stopLoss = entry + 1;
        long takeProfit = entry + 2;
        assertThat(sent).containsExactly("place " + entry + " MARKET BUY 1", "place " + stopLoss + " STOP SELL 1",
                "place " + takeProfit + " LIMIT SELL 1");
        assertThat(placed.get(stopLoss).stopTicks()).isEqualTo(97);
        assertThat(placed.get(takeProfit).limitTicks()).isEqualTo(109);
        accept(stopLoss);
        accept(takeProfit);

        report(takeProfit, OrderStatus.EXPIRED, 0);
        assertThat(net()).isEqualTo(1);
        assertThat(sent).as("the stop-loss still protects the position: left alone").hasSize(3);

        fill(stopLoss, 1, 97);
        engine.stopInline();

        assertThat(s.heard).containsSubsequence(takeProfit + " LIMIT EXPIRED 0/1", stopLoss + " STOP FILLED 1/1");
        assertThat(sent).as("nothing to cancel: the entry filled, the take-profit expired").hasSize(3);
        assertThat(net()).isZero();
    }

    @Test
    void aBracketsStopLossEndedByTheGatewayFlattensThePositionItNoLongerProtects() {
        for (OrderStatus ended : new OrderStatus[] {OrderStatus.EXPIRED, OrderStatus.CANCELLED}) {
            sent.clear();
            Scripted s = new Scripted(me -> me.ids.add(me.orders.bracket(ES, BUY, 1, PriceTicks.NONE, 4, 8)));
            start(s, RiskLimits.none());
            quote();
            long[] b = bracketWorking(s, 1);
            long entry = b[0];
            long stopLoss = b[1];
            long takeProfit = b[2];

            report(stopLoss, ended, 0); // nobody asked: the gateway ended it

            assertThat(sent).as(ended + ": the take-profit cancelled, the position closed at market").containsExactly(
                    "place " + entry + " MARKET BUY 1", "place " + stopLoss + " STOP SELL 1",
                    "place " + takeProfit + " LIMIT SELL 1", "cancel " + takeProfit,
                    "place " + (entry + 3) + " MARKET SELL 1");
            engine.stopInline();
        }
    }

    @Test
    void aStopLossThatFillsWholeWhileTheEntrysLastFillsArriveHasTheRestClosedAtMarket() {
        Scripted s = new Scripted(me -> me.ids.add(me.orders.bracket(ES, BUY, 3, PriceTicks.NONE, 1, 5)));
        start(s, RiskLimits.none());
        quote();
        long entry = s.ids.get(0);
        long stopLoss = entry + 1;
        long takeProfit = entry + 2;
        accept(entry);
        fill(entry, 2, 101); // legs for 2: stop-loss at 100, take-profit at 106
        accept(stopLoss);
        accept(takeProfit);
        fill(stopLoss, 1, 100); // the take-profit is shrunk to 1
        // at the exchange the entry's last lot and the stop-loss's last lot fill together
        fill(entry, 1, 101);
        fill(stopLoss, 1, 100);

        // long 1 that the filled stop-loss no longer covers: closed at market, the take-profit cancelled
        assertThat(net()).isEqualTo(1);
        assertThat(sent).containsSubsequence("modify " + takeProfit + " to 1", "cancel " + takeProfit,
                "place " + (entry + 3) + " MARKET SELL 1");
        engine.stopInline();
    }

    @Test
    void aFlattenCalledAgainWhenItsMarketOrdersFilledUpdateOvertakesTheTradeSendsNothingMore() {
        Scripted s = new Scripted(me -> me.ids.add(me.orders.market(ES, BUY, 1)), me -> me.orders.flatten(ES));
        // the strategy flattens on every order update while it still reads a position
        s.onOrder = (me, o) -> {
            if (me.orders.position(ES) != 0 && me.quotes() > 1) {
                me.orders.flatten(ES);
            }
        };
        start(s, RiskLimits.none());
        quote();
        long entry = s.ids.get(0);
        accept(entry);
        fill(entry, 1, 101);
        quote(); // flatten: SELL 1
        long close = entry + 1;
        accept(close);
        report(close, OrderStatus.FILLED, 1); // the FILLED update first, its trade after
        fill(close, 1, 100);
        engine.stopInline();

        assertThat(sent).containsExactly("place " + entry + " MARKET BUY 1", "place " + close + " MARKET SELL 1");
        assertThat(net()).isZero();
    }

    @Test
    void aStrategyFlatteningWhenItsStopLossEndsAndTheBracketsOwnCloseDoNotBothClose() {
        Scripted s = new Scripted(me -> me.ids.add(me.orders.bracket(ES, BUY, 1, PriceTicks.NONE, 4, 8)));
        s.onOrder = (me, o) -> {
            if (o.type() == OrderType.STOP && o.status() == OrderStatus.CANCELLED) {
                me.orders.flatten(ES); // heard before the bracket book reacts
            }
        };
        start(s, RiskLimits.none());
        quote();
        long stopLoss = bracketWorking(s, 1)[1];
        report(stopLoss, OrderStatus.CANCELLED, 0); // the gateway cancels it

        assertThat(sent.stream().filter(c -> c.contains("MARKET SELL"))).as("one close, not two: %s", sent)
                .hasSize(1);
        engine.stopInline();
    }

    @Test
    void aLegWhoseFilledUpdateOvertakesItsTradesIsNotTakenForAWholeFillThatLeftTheRestUnprotected() {
        Scripted s = new Scripted(me -> me.ids.add(me.orders.bracket(ES, BUY, 3, PriceTicks.NONE, 4, 8)));
        start(s, RiskLimits.none());
        quote();
        long[] b = bracketWorking(s, 3);
        long stopLoss = b[1];
        long takeProfit = b[2];
        report(stopLoss, OrderStatus.FILLED, 3); // filled in two prints; the update comes first
        fill(stopLoss, 1, 97);
        fill(stopLoss, 2, 97);
        engine.stopInline();

        assertThat(sent).as("no close at market: the stop-loss closed it all").noneMatch(c -> c.contains("MARKET SELL"));
        assertThat(sent).contains("cancel " + takeProfit);
        assertThat(net()).isZero();
    }
}
