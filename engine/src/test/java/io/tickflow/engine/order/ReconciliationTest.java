package io.tickflow.engine.order;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ConnectionStateTranslator;
import io.tickflow.engine.ring.FillTranslator;
import io.tickflow.engine.ring.OrderUpdateTranslator;
import io.tickflow.engine.ring.PositionUpdateTranslator;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** The gateway's snapshot after a reconnect, scripted event by event, against the engine's state. */
class ReconciliationTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    private final List<String> sent = new ArrayList<>();
    private final List<List<String>> reconciled = new ArrayList<>();
    private final List<String> orderStates = new ArrayList<>();

    /** Places two limit orders on the first quote. */
    private final class TwoOrders implements Strategy {
        private StrategyContext ctx;
        private boolean placed;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (!placed) {
                placed = true;
                ctx.orders().limit(ES, BUY, 1, 90);
                ctx.orders().limit(ES, BUY, 1, 91);
            }
        }

        @Override
        public void onOrder(OrderView o) {
            orderStates.add(o.clientOrderId() + " " + o.status());
        }
    }

    private Engine engine(UnknownOrderPolicy policy) {
        GatewayPort port = new GatewayPort() {
            @Override
            public void place(long clientOrderId, OrderRequest request) {
                sent.add("place " + clientOrderId);
            }

            @Override
            public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
                sent.add("cancel " + gatewayOrderId);
            }

            @Override
            public void modify(long c, long a, long g, int k, long s, long l, long st) {
                sent.add("modify " + c);
            }
        };
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .gateway(port)
                .unknownOrders(policy)
                .listener(new EngineListener() {
                    @Override
                    public void onReconciled(List<String> corrections) {
                        reconciled.add(corrections);
                    }
                })
                .contract(ES)
                .strategy(StrategySpec.of("two", new TwoOrders(), ES.id()))
                .build();
        engine.start();
        engine.publisher().publish(new QuoteTranslator().topOfBook(0, 1, 1, 95, 5, 96, 5));
        return engine;
    }

    private static void connection(Engine engine, ConnectionState state) {
        engine.publisher().publish(new ConnectionStateTranslator().set(10, ConnectionLink.USER_HUB, state, null));
    }

    private static void ack(Engine engine, long clientId, long gatewayId) {
        engine.publisher().publish(new CommandResultTranslator().ack(CommandKind.PLACE, 2, 2, ACCOUNT, clientId,
                gatewayId));
    }

    private static void order(Engine engine, long gatewayId, long clientId, OrderStatus status, long limit) {
        engine.publisher().publish(new OrderUpdateTranslator().set(0, 11, 11, ACCOUNT, gatewayId, clientId, status,
                OrderType.LIMIT, BUY, 1, 0, limit, PriceTicks.NONE, 0));
    }

    private static void fill(Engine engine, long tradeId, long gatewayId) {
        engine.publisher().publish(new FillTranslator().set(0, 12, 12, ACCOUNT, tradeId, gatewayId, BUY, 1, 90, 0,
                Long.MIN_VALUE, false));
    }

    private static void position(Engine engine, long net) {
        engine.publisher().publish(new PositionUpdateTranslator().set(0, 13, 13, ACCOUNT, net,
                90 * PriceTicks.MICROS_PER_TICK));
    }

    @Test
    void aFillMissedWhileDisconnectedIsAppliedOnceAndAnOrderGoneFromTheGatewayIsClosed() {
        Engine engine = engine(UnknownOrderPolicy.ADOPT);
        ack(engine, 1, 501);
        ack(engine, 2, 502);
        connection(engine, ConnectionState.LOST);
        connection(engine, ConnectionState.RECONNECTED);
        fill(engine, 7001, 501);
        fill(engine, 7001, 501);
        position(engine, 1);
        connection(engine, ConnectionState.SYNCHRONIZED);
        // running the same snapshot again changes nothing
        connection(engine, ConnectionState.RECONNECTED);
        fill(engine, 7001, 501);
        position(engine, 1);
        connection(engine, ConnectionState.SYNCHRONIZED);
        engine.shutdown();

        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(orderStates).contains("1 FILLED", "2 CANCELLED");
        assertThat(reconciled).containsExactly(List.of("order 2 is no longer open at the gateway: CANCELLED"));
        assertThat(sent).containsExactly("place 1", "place 2");
    }

    @Test
    void aPositionThatDisagreesIsSetToTheGatewaysAndAFlatOneToo() {
        Engine engine = engine(UnknownOrderPolicy.ADOPT);
        ack(engine, 1, 501);
        ack(engine, 2, 502);
        fill(engine, 7001, 501);
        connection(engine, ConnectionState.RECONNECTED);
        order(engine, 502, 2, OrderStatus.OPEN, 91);
        position(engine, 3);
        connection(engine, ConnectionState.SYNCHRONIZED);
        connection(engine, ConnectionState.RECONNECTED);
        order(engine, 502, 2, OrderStatus.OPEN, 91);
        connection(engine, ConnectionState.SYNCHRONIZED);
        engine.shutdown();

        assertThat(reconciled).containsExactly(
                List.of("position of account 1 in CON.F.US.EP.Z25 was 1, the gateway has 3"),
                List.of("position of account 1 in CON.F.US.EP.Z25 was 3, the gateway has 0"));
        assertThat(engine.positions().position(ACCOUNT, 0).isFlat()).isTrue();
    }

    private static void noAnswer(Engine engine, long clientId) {
        engine.publisher().publish(new CommandResultTranslator().reject(CommandKind.PLACE, 2, 2, ACCOUNT, clientId, 0,
                CommandResultTranslator.NO_ANSWER, "no answer"));
    }

    @Test
    void aPlacementStillAwaitingItsAnswerIsLeftByASnapshotAndItsLateAcknowledgementCounts() {
        Engine engine = engine(UnknownOrderPolicy.ADOPT);
        ack(engine, 1, 501);
        connection(engine, ConnectionState.RECONNECTED);
        order(engine, 501, 1, OrderStatus.OPEN, 90);
        connection(engine, ConnectionState.SYNCHRONIZED);
        // order 2's placement was still on its way when the snapshot was taken
        ack(engine, 2, 502);
        engine.shutdown();

        assertThat(reconciled).isEmpty();
        assertThat(orderStates).doesNotContain("2 REJECTED").contains("2 OPEN");
        assertThat(sent).containsExactly("place 1", "place 2");
    }

    @Test
    void anUnknownWorkingOrderIsAdoptedOrCancelledAsConfigured() {
        Engine adopting = engine(UnknownOrderPolicy.ADOPT);
        noAnswer(adopting, 1);
        noAnswer(adopting, 2);
        connection(adopting, ConnectionState.RECONNECTED);
        order(adopting, 999, 0, OrderStatus.OPEN, 80);
        connection(adopting, ConnectionState.SYNCHRONIZED);
        adopting.shutdown();
        assertThat(sent).containsExactly("place 1", "place 2");
        assertThat(reconciled).containsExactly(List.of(
                "unknown working order 999 at the gateway: adopted as order 3",
                "order 1 never reached the gateway: REJECTED", "order 2 never reached the gateway: REJECTED"));

        sent.clear();
        reconciled.clear();
        Engine cancelling = engine(UnknownOrderPolicy.CANCEL);
        ack(cancelling, 1, 501);
        ack(cancelling, 2, 502);
        connection(cancelling, ConnectionState.RECONNECTED);
        order(cancelling, 501, 1, OrderStatus.OPEN, 90);
        order(cancelling, 502, 2, OrderStatus.OPEN, 91);
        order(cancelling, 999, 0, OrderStatus.OPEN, 80);
        connection(cancelling, ConnectionState.SYNCHRONIZED);
        cancelling.shutdown();
        assertThat(sent).containsExactly("place 1", "place 2", "cancel 999");
        assertThat(reconciled).containsExactly(List.of("unknown working order 999 at the gateway: cancelled"));
    }
}
