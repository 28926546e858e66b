package io.tickflow.engine.order;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.position.PositionBook;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.FillTranslator;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.OrderUpdateTranslator;
import io.tickflow.engine.time.ManualClock;

class OrderRouterTest {
    private static final long ACCOUNT = 11;
    private static final long TIMEOUT = 5_000_000_000L;

    private final List<String> sent = new ArrayList<>();
    private final List<String> fills = new ArrayList<>();
    private final ManualClock clock = new ManualClock(1_000);
    private final ContractRegistry contracts = new ContractRegistry();
    private final PositionBook positions;
    private final OrderRouter router;

    OrderRouterTest() {
        contracts.register(ES);
        positions = new PositionBook(contracts, CommissionSchedule.none());
        GatewayPort port = new GatewayPort() {
            @Override
            public void place(long clientOrderId, OrderRequest request) {
                sent.add("place " + clientOrderId);
            }

            @Override
            public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
                sent.add("cancel " + clientOrderId + "/" + gatewayOrderId);
            }

            @Override
            public void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size,
                               long limitTicks,
                               long stopTicks) {
                sent.add("modify " + clientOrderId);
            }
        };
        router = new OrderRouter(contracts, port, positions, clock, TIMEOUT, 1, new OrderListener() {
            @Override
            public void onOrderChanged(ManagedOrder order) {
            }

            @Override
            public void onOrderFilled(ManagedOrder order, long tradeId, long size, long priceTicks) {
                fills.add(order.clientOrderId() + ":" + tradeId + ":" + size + "@" + priceTicks);
            }
        });
    }

    private static InboundEvent ack(long clientId, long gatewayId) {
        InboundEvent e = new InboundEvent();
        new CommandResultTranslator().ack(CommandKind.PLACE, 1, 1, ACCOUNT, clientId, gatewayId).translateTo(e, 0);
        return e;
    }

    private static InboundEvent reject(CommandKind kind, long clientId, long gatewayId, int code) {
        InboundEvent e = new InboundEvent();
        new CommandResultTranslator().reject(kind, 1, 1, ACCOUNT, clientId, gatewayId, code, "no").translateTo(e, 0);
        return e;
    }

    private static InboundEvent fill(long tradeId, long gatewayId, long size, long price) {
        InboundEvent e = new InboundEvent();
        new FillTranslator().set(0, 2, 2, ACCOUNT, tradeId, gatewayId, BUY, size, price, 0, Long.MIN_VALUE, false)
                .translateTo(e, 0);
        return e;
    }

    private static InboundEvent update(long gatewayId, long clientId, OrderStatus status, long filled) {
        return update(gatewayId, clientId, status, 3, filled);
    }

    private static InboundEvent update(long gatewayId, long clientId, OrderStatus status, long size, long filled) {
        InboundEvent e = new InboundEvent();
        new OrderUpdateTranslator().set(0, 3, 3, ACCOUNT, gatewayId, clientId, status, OrderType.LIMIT, BUY, size, filled,
                100, PriceTicks.NONE, 0).translateTo(e, 0);
        return e;
    }

    private long placeLimit(long size) {
        return router.place(OrderRequest.limit(ACCOUNT, 0, BUY, size, 100));
    }

    @Test
    void placeAckAndFillsWalkTheLifeCycle() {
        long id = placeLimit(3);
        assertThat(router.order(id).state()).isEqualTo(OrderState.SUBMITTED);
        router.onCommandResult(ack(id, 500), true);
        assertThat(router.order(id).state()).isEqualTo(OrderState.WORKING);
        router.onFill(fill(9001, 500, 1, 100));
        assertThat(router.order(id).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        router.onFill(fill(9002, 500, 2, 99));
        ManagedOrder order = router.order(id);

        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(order.filledSize()).isEqualTo(3);
        assertThat(order.avgFillMicroTicks()).isEqualTo(99_333_333);
        assertThat(positions.position(ACCOUNT, 0).net()).isEqualTo(3);
        assertThat(sent).containsExactly("place 1");
    }

    @Test
    void aFillBeforeThePlaceAcknowledgementIsAppliedOnceWhenTheIdsAreLinked() {
        long id = placeLimit(2);
        router.onFill(fill(7, 600, 2, 100));
        assertThat(positions.position(ACCOUNT, 0).net()).as("the position moves at once").isEqualTo(2);
        assertThat(router.order(id).filledSize()).isZero();

        router.onCommandResult(ack(id, 600), true);

        assertThat(router.order(id).state()).isEqualTo(OrderState.FILLED);
        assertThat(fills).containsExactly("1:7:2@100");
        assertThat(positions.position(ACCOUNT, 0).net()).isEqualTo(2);
    }

    @Test
    void aModifyTakesEffectWhenTheGatewayConfirmsItAndAnOlderUpdateCannotUndoIt() {
        long id = placeLimit(3);
        router.onCommandResult(ack(id, 500), true);
        router.modify(id, 5, 98, PriceTicks.NONE);
        assertThat(router.order(id).size()).as("not before the gateway confirms").isEqualTo(3);

        InboundEvent confirmed = new InboundEvent();
        new OrderUpdateTranslator().set(0, 10, 10, ACCOUNT, 500, id, OrderStatus.OPEN, OrderType.LIMIT, BUY, 5, 0, 98,
                PriceTicks.NONE, 0).translateTo(confirmed, 0);
        router.onOrderUpdate(confirmed);
        router.onOrderUpdate(update(500, id, OrderStatus.OPEN, 0));

        assertThat(router.order(id).size()).isEqualTo(5);
        assertThat(router.order(id).limitTicks()).isEqualTo(98);
        assertThat(router.order(id).remaining()).isEqualTo(5);
        assertThat(router.liveSize(ACCOUNT, 0, BUY)).isEqualTo(5);
    }

    @Test
    void duplicatedFillsAndUpdatesChangeNothing() {
        long id = placeLimit(3);
        router.onCommandResult(ack(id, 500), true);
        router.onFill(fill(1, 500, 1, 100));
        router.onFill(fill(1, 500, 1, 100));
        router.onOrderUpdate(update(500, id, OrderStatus.OPEN, 1));
        router.onOrderUpdate(update(500, id, OrderStatus.OPEN, 1));
        router.onCommandResult(ack(id, 500), true);

        assertThat(router.order(id).filledSize()).isEqualTo(1);
        assertThat(router.order(id).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(positions.position(ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(fills).hasSize(1);
    }

    @Test
    void aCancelAnswerAfterAFillCannotReviveOrCancelTheFilledOrder() {
        long id = placeLimit(1);
        router.onCommandResult(ack(id, 500), true);
        assertThat(router.cancel(id)).isTrue();
        assertThat(router.order(id).state()).isEqualTo(OrderState.PENDING_CANCEL);
        router.onFill(fill(3, 500, 1, 100));
        router.onOrderUpdate(update(500, id, OrderStatus.CANCELLED, 0));
        router.onCommandResult(reject(CommandKind.CANCEL, id, 500, 2), false);

        assertThat(router.order(id).state()).isEqualTo(OrderState.FILLED);
        assertThat(router.cancel(id)).isFalse();
        assertThat(sent).containsExactly("place 1", "cancel 1/500");
    }

    @Test
    void aCancelAskedBeforeTheGatewayNamedTheOrderIsSentOnTheAcknowledgement() {
        long id = placeLimit(1);
        assertThat(router.cancel(id)).isTrue();
        assertThat(sent).containsExactly("place 1");

        router.onCommandResult(ack(id, 700), true);
        assertThat(sent).containsExactly("place 1", "cancel 1/700");
        assertThat(router.order(id).state()).isEqualTo(OrderState.PENDING_CANCEL);

        router.onOrderUpdate(update(700, id, OrderStatus.CANCELLED, 0));
        assertThat(router.order(id).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void aRejectedCancelLeavesTheOrderWorking() {
        long id = placeLimit(2);
        router.onCommandResult(ack(id, 500), true);
        router.cancel(id);
        router.onCommandResult(reject(CommandKind.CANCEL, id, 500, 3), false);

        assertThat(router.order(id).state()).isEqualTo(OrderState.WORKING);
    }

    @Test
    void aRejectedPlacementIsRejectedAndAnUnansweredOneBecomesUnknownNotFailed() {
        long rejected = placeLimit(1);
        router.onCommandResult(reject(CommandKind.PLACE, rejected, 0, 2), false);
        assertThat(router.order(rejected).state()).isEqualTo(OrderState.REJECTED);

        long lost = placeLimit(1);
        router.onCommandResult(reject(CommandKind.PLACE, lost, 0, CommandResultTranslator.NO_ANSWER), false);
        assertThat(router.order(lost).state()).isEqualTo(OrderState.UNKNOWN);

        long silent = placeLimit(1);
        router.onTime(clock.nanos() + TIMEOUT - 1);
        assertThat(router.order(silent).state()).isEqualTo(OrderState.SUBMITTED);
        router.onTime(clock.nanos() + TIMEOUT);
        assertThat(router.order(silent).state()).isEqualTo(OrderState.UNKNOWN);

        // found again by its customTag: the gateway has it working
        router.onOrderUpdate(update(800, silent, OrderStatus.OPEN, 0));
        assertThat(router.order(silent).state()).isEqualTo(OrderState.WORKING);
        assertThat(router.order(silent).gatewayOrderId()).isEqualTo(800);
        assertThat(sent).containsExactly("place 1", "place 2", "place 3");
    }

    @Test
    void terminalStatesNeverChange() {
        for (OrderState terminal : OrderState.values()) {
            if (!terminal.isTerminal()) {
                continue;
            }
            for (OrderState next : OrderState.values()) {
                assertThat(terminal.canMoveTo(next)).as("%s -> %s", terminal, next).isEqualTo(next == terminal);
            }
        }
        assertThat(OrderState.WORKING.canMoveTo(OrderState.SUBMITTED)).isFalse();
        assertThat(OrderState.PENDING_CANCEL.canMoveTo(OrderState.PARTIALLY_FILLED)).isFalse();
        assertThat(OrderState.UNKNOWN.canMoveTo(OrderState.WORKING)).isTrue();
    }

    @Test
    void randomInterleavingsOfAnswersFillsAndDuplicatesKeepEveryInvariant() {
        long seed = 90210L;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            sent.clear();
            fills.clear();
            ContractRegistry registry = new ContractRegistry();
            registry.register(ES);
            PositionBook book = new PositionBook(registry, CommissionSchedule.none());
            List<String> placed = new ArrayList<>();
            OrderRouter r = new OrderRouter(registry, new GatewayPort() {
                @Override
                public void place(long clientOrderId, OrderRequest request) {
                    placed.add("place " + clientOrderId);
                }

                @Override
                public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
                }

                @Override
                public void modify(long c, long a, long g, int k, long s, long l, long st) {
                }
            }, book, clock, TIMEOUT, 1, new OrderListener() {
                @Override
                public void onOrderChanged(ManagedOrder order) {
                }

                @Override
                public void onOrderFilled(ManagedOrder order, long tradeId, long size, long priceTicks) {
                }
            });
            int orders = 1 + random.nextInt(5);
            List<InboundEvent> events = new ArrayList<>();
            long[] sizes = new long[orders + 1];
            long expectedNet = 0;
            long tradeId = 1;
            for (int i = 1; i <= orders; i++) {
                long size = 1 + random.nextInt(6);
                sizes[i] = size;
                r.place(OrderRequest.limit(ACCOUNT, 0, BUY, size, 100));
                long gatewayId = 1000 + i;
                events.add(ack(i, gatewayId));
                long toFill = random.nextInt((int) size + 1);
                expectedNet += toFill;
                while (toFill > 0) {
                    long part = 1 + random.nextInt((int) toFill);
                    InboundEvent f = fill(tradeId++, gatewayId, part, 100);
                    events.add(f);
                    if (random.nextBoolean()) {
                        events.add(f);
                    }
                    toFill -= part;
                }
                if (random.nextBoolean()) {
                    events.add(update(gatewayId, i, OrderStatus.OPEN, size, 0));
                }
            }
            Collections.shuffle(events, random);
            for (InboundEvent e : events) {
                switch (e.type) {
                    case COMMAND_ACK:
                        r.onCommandResult(e, true);
                        break;
                    case FILL:
                        r.onFill(e);
                        break;
                    default:
                        r.onOrderUpdate(e);
                        break;
                }
            }
            String context = "seed " + seed + " round " + round;
            assertThat(book.position(ACCOUNT, 0).net()).as(context).isEqualTo(expectedNet);
            assertThat(placed).as(context).hasSize(orders).doesNotHaveDuplicates();
            long filledTotal = 0;
            for (int i = 1; i <= orders; i++) {
                ManagedOrder o = r.order(i);
                filledTotal += o.filledSize();
                assertThat(o.filledSize()).as(context).isLessThanOrEqualTo(sizes[i]);
                assertThat(o.state() == OrderState.FILLED).as(context + " order " + i)
                        .isEqualTo(o.filledSize() == sizes[i]);
            }
            assertThat(filledTotal).as(context).isEqualTo(expectedNet);
        }
    }
}
