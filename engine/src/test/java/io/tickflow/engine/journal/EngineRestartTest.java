package io.tickflow.engine.journal;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.testing.TestContracts.ES;
import static io.tickflow.engine.testing.TestContracts.NQ;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.order.UnknownOrderPolicy;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ConnectionStateTranslator;
import io.tickflow.engine.ring.ControlAction;
import io.tickflow.engine.ring.ControlTranslator;
import io.tickflow.engine.ring.FillTranslator;
import io.tickflow.engine.ring.OrderUpdateTranslator;
import io.tickflow.engine.ring.PositionUpdateTranslator;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.PositionView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** An engine restarted on its journal: state rebuilt, nothing re-sent, earlier orders told from foreign ones. */
class EngineRestartTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> reconciled = Collections.synchronizedList(new ArrayList<>());

    /** Places one limit order on its first quote; counts every callback after onStart. */
    private static final class OneOrder implements Strategy {
        private StrategyContext ctx;
        private boolean placed;
        volatile long placedId;
        volatile int callbacks;
        volatile String callbackThread;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            callbacks++;
            callbackThread = Thread.currentThread().getName();
            if (!placed) {
                placed = true;
                placedId = ctx.orders().limit(ES, BUY, 2, 90);
            }
        }

        @Override
        public void onOrder(OrderView o) {
            callbacks++;
        }

        @Override
        public void onFill(FillView f) {
            callbacks++;
        }

        @Override
        public void onPosition(PositionView p) {
            callbacks++;
        }
    }

    private Engine engine(Path journal, Strategy strategy, UnknownOrderPolicy orphans) {
        return engine(journal, strategy, orphans, false);
    }

    private Engine engine(Path journal, Strategy strategy, UnknownOrderPolicy orphans, boolean nqFirst) {
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
        Engine engine = Engine.builder().gateway(port).tickerPeriod(null).journal(journal)
                .journalSegmentBytes(1 << 16).orphanOrders(orphans)
                .listener(new EngineListener() {
                    @Override
                    public void onReconciled(List<String> corrections) {
                        reconciled.addAll(corrections);
                    }
                })
                .contract(nqFirst ? NQ : ES).contract(nqFirst ? ES : NQ)
                .strategy(StrategySpec.of("one", strategy, ES.id()))
                .build();
        engine.start();
        return engine;
    }

    private static void connection(Engine engine, ConnectionState state) {
        engine.publisher().publish(new ConnectionStateTranslator().set(10, ConnectionLink.USER_HUB, state, null));
    }

    private static void order(Engine engine, long gatewayId, long clientId, OrderStatus status, long filled) {
        engine.publisher().publish(new OrderUpdateTranslator().set(0, 11, 11, ACCOUNT, gatewayId, clientId, status,
                OrderType.LIMIT, BUY, 2, filled, 90, PriceTicks.NONE, 0));
    }

    private static void fill(Engine engine, long tradeId, long gatewayId) {
        engine.publisher().publish(new FillTranslator().set(0, 12, 12, ACCOUNT, tradeId, gatewayId, BUY, 1, 90, 0,
                Long.MIN_VALUE, false));
    }

    /** Life 1: a quote, the strategy's order acknowledged as 501 and half filled, a sync, then a clean stop. */
    private long firstLife(Path journal) {
        OneOrder strategy = new OneOrder();
        Engine engine = engine(journal, strategy, UnknownOrderPolicy.CANCEL);
        connection(engine, ConnectionState.CONNECTED);
        connection(engine, ConnectionState.SYNCHRONIZED);
        engine.publisher().publish(new QuoteTranslator().topOfBook(0, 1, 1, 95, 5, 96, 5));
        long id = awaitPlaced(strategy);
        engine.publisher().publish(new CommandResultTranslator().ack(CommandKind.PLACE, 2, 2, ACCOUNT, id, 501));
        order(engine, 501, id, OrderStatus.OPEN, 0);
        fill(engine, 7001, 501);
        order(engine, 501, id, OrderStatus.OPEN, 1);
        engine.publisher().publish(new PositionUpdateTranslator().set(0, 13, 13, ACCOUNT, 1,
                90 * PriceTicks.MICROS_PER_TICK));
        engine.halt("one");
        engine.shutdown();
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(sent).containsExactly("place " + id);
        assertThat(engine.journalFigures().journalled()).isEqualTo(10);
        sent.clear();
        reconciled.clear();
        return id;
    }

    private static long awaitPlaced(OneOrder strategy) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (strategy.placedId == 0) {
            assertThat(System.nanoTime()).as("the strategy placed its order").isLessThan(deadline);
            Thread.onSpinWait();
        }
        return strategy.placedId;
    }

    @Test
    void aRestartRebuildsThePositionWithoutStrategiesSeeingTheJournalOrAnythingBeingSent(@TempDir Path journal) {
        long earlierId = firstLife(journal);
        OneOrder strategy = new OneOrder();

        Engine engine = engine(journal, strategy, UnknownOrderPolicy.CANCEL);

        JournalFigures figures = engine.journalFigures();
        assertThat(figures.eventsFound()).isEqualTo(10);
        assertThat(figures.replayed()).isEqualTo(8);
        assertThat(figures.skipped()).as("the operator's halt and the shutdown are not replayed").isEqualTo(2);
        assertThat(figures.sessionsFound()).isEqualTo(1);
        assertThat(figures.firstClientOrderId()).isGreaterThan(earlierId);
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(strategy.callbacks).isZero();
        assertThat(engine.strategyState("one").name()).as("the earlier halt belongs to the earlier life")
                .isEqualTo("RUNNING");
        engine.shutdown();
        assertThat(sent).isEmpty();
        assertThat(reconciled).as("the earlier life's reconciliation is not reported again").isEmpty();
        assertThat(engine.journalFigures().journalled()).as("replayed events are not journalled again: only this "
                + "session's shutdown is").isEqualTo(1);
    }

    @Test
    void eventsAreReplayedOntoTheContractTheyWereForWhenTheContractsAreRegisteredInAnotherOrder(
            @TempDir Path journal) {
        firstLife(journal);

        Engine engine = engine(journal, new OneOrder(), UnknownOrderPolicy.CANCEL, true);
        engine.shutdown();

        assertThat(engine.contracts().contract(1)).isEqualTo(ES);
        assertThat(engine.positions().position(ACCOUNT, 1).net()).isEqualTo(1);
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isZero();
    }

    @Test
    void anOrphanIsCancelledAtTheFirstSyncAFillAlreadyJournalledCountsOnceAndAForeignOrderIsAdopted(
            @TempDir Path journal) {
        long earlierId = firstLife(journal);
        OneOrder strategy = new OneOrder();
        Engine engine = engine(journal, strategy, UnknownOrderPolicy.CANCEL);

        connection(engine, ConnectionState.CONNECTED);
        order(engine, 501, earlierId, OrderStatus.OPEN, 1);
        order(engine, 501, earlierId, OrderStatus.OPEN, 1);
        order(engine, 900, 12345, OrderStatus.OPEN, 0);
        fill(engine, 7001, 501);
        engine.publisher().publish(new PositionUpdateTranslator().set(0, 13, 13, ACCOUNT, 1,
                90 * PriceTicks.MICROS_PER_TICK));
        connection(engine, ConnectionState.SYNCHRONIZED);
        engine.shutdown();

        assertThat(sent).containsExactly("cancel 501");
        assertThat(reconciled).hasSize(2);
        assertThat(reconciled.get(0)).isEqualTo("orphaned order 501 (customTag " + earlierId
                + ", placed before a restart): cancelled");
        assertThat(reconciled.get(1)).startsWith("unknown working order 900 at the gateway: adopted as order ");
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(engine.journalFigures().orphansCancelled()).isEqualTo(1);
        assertThat(engine.journalFigures().orphansAdopted()).isZero();
    }

    @Test
    void anOrphanIsAdoptedWhenConfiguredSoTheStandDownCancelsIt(@TempDir Path journal) {
        long earlierId = firstLife(journal);
        Engine engine = engine(journal, new OneOrder(), UnknownOrderPolicy.ADOPT);

        connection(engine, ConnectionState.CONNECTED);
        order(engine, 501, earlierId, OrderStatus.OPEN, 1);
        engine.publisher().publish(new PositionUpdateTranslator().set(0, 13, 13, ACCOUNT, 1,
                90 * PriceTicks.MICROS_PER_TICK));
        connection(engine, ConnectionState.SYNCHRONIZED);
        engine.standDown(false);
        engine.shutdown();

        assertThat(reconciled).hasSize(1);
        assertThat(reconciled.get(0)).startsWith("orphaned order 501 (customTag " + earlierId
                + ", placed before a restart): adopted as order ");
        assertThat(sent).containsExactly("cancel 501");
        assertThat(engine.journalFigures().orphansAdopted()).isEqualTo(1);
    }

    @Test
    void theJournalIsWrittenOnItsOwnThreadAndTheEngineThreadNeverWaitsForIt(@TempDir Path journal) {
        OneOrder strategy = new OneOrder();
        Engine engine = engine(journal, strategy, UnknownOrderPolicy.CANCEL);
        engine.publisher().publish(new QuoteTranslator().topOfBook(0, 1, 1, 95, 5, 96, 5));
        awaitPlaced(strategy);
        engine.shutdown();

        assertThat(strategy.callbackThread).isEqualTo("tickflow-engine");
        assertThat(engine.journalThread()).isNotNull();
        assertThat(engine.journalThread().getName()).isEqualTo("tickflow-journal");
    }

    @Test
    void eachSessionStartsAfterEveryIdTheJournalHasSeen(@TempDir Path journal) {
        Engine first = engine(journal, new OneOrder(), UnknownOrderPolicy.CANCEL);
        long far = first.journalFigures().firstClientOrderId() + 1_000_000_000_000L;
        // a customTag of ours seen at the gateway far above the clock (a clock that jumped back, say)
        order(first, 501, far, OrderStatus.OPEN, 0);
        first.publisher().publish(new ControlTranslator().set(1, ControlAction.RESUME, "one"));
        first.shutdown();

        Engine second = engine(journal, new OneOrder(), UnknownOrderPolicy.CANCEL);
        second.shutdown();

        assertThat(second.journalFigures().firstClientOrderId()).isGreaterThan(far);
    }
}
