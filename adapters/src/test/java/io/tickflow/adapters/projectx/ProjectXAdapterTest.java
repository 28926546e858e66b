package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tickflow.adapters.gateway.FaultScript;
import io.tickflow.adapters.gateway.GatewayFaults;
import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * The live adapter against the paper gateway over loopback — real OkHttp, the real SignalR
 * Java client — through a running engine: a session, token expiry, 429s, a dropped hub with
 * reconciliation, duplicated and reordered events, a lost placement answer, a sign-in
 * elsewhere.
 */
class ProjectXAdapterTest {
    private static final String KEY = "k-3f9a71c2-paper-secret";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    /** Runs the actions the test queues, on the engine thread, at the next quote. */
    private static final class Remote implements Strategy {
        final Queue<Consumer<Orders>> actions = new ConcurrentLinkedQueue<>();
        /** Run at the next timer: for when no quotes come (after the session ended). */
        final Queue<Consumer<Orders>> timerActions = new ConcurrentLinkedQueue<>();
        final List<String> orders = new CopyOnWriteArrayList<>();
        volatile int quotes;
        private StrategyContext ctx;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.scheduleTimer(1, ctx.clock().nanos() + 5_000_000);
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            for (Consumer<Orders> a = timerActions.poll(); a != null; a = timerActions.poll()) {
                a.accept(ctx.orders());
            }
            ctx.scheduleTimer(1, nowNanos + 5_000_000);
        }

        @Override
        public void onQuote(QuoteView q) {
            quotes++;
            for (Consumer<Orders> a = actions.poll(); a != null; a = actions.poll()) {
                a.accept(ctx.orders());
            }
        }

        @Override
        public void onOrder(OrderView o) {
            orders.add(o.clientOrderId() + " " + o.status() + " " + o.filledSize() + "/" + o.size());
        }
    }

    private PaperGateway gateway;
    private Engine engine;
    private ProjectXAdapter adapter;
    private final Remote strategy = new Remote();
    private final List<String> connection = new CopyOnWriteArrayList<>();
    private final List<String> reconciled = new CopyOnWriteArrayList<>();
    private Contract es;
    private long account;
    private BigDecimal bid = new BigDecimal("6800.00");

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("demo", KEY).fillModel(FillModel.conservative()).build().start();
        es = gateway.contracts().get(0).contract();
        account = 10_001;
        adapter = new ProjectXAdapter(ProjectXSettings.sameHost(gateway.url(), "demo", Secret.of(KEY))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500)).withCallTimeout(CALL_TIMEOUT), registry(), List.of(account));
        engine = Engine.builder()
                .config(EngineConfig.defaults())
                .gateway(adapter)
                .commandTimeout(Duration.ofSeconds(5))
                .emulateTrailingStops(true) // as tickflow run trades ProjectX
                .contract(es)
                .listener(new EngineListener() {
                    @Override
                    public void onConnectionState(ConnectionLink link, ConnectionState state, CharSequence detail,
                                                  long ts) {
                        connection.add(link + " " + state);
                    }

                    @Override
                    public void onReconciled(List<String> corrections) {
                        reconciled.addAll(corrections);
                    }
                })
                .strategy(StrategySpec.of("remote", strategy, es.id()).withAccount(account))
                .build();
        engine.start();
        adapter.start(engine.publisher());
        Await.until("both hubs connected and synchronized", () -> connection.contains("USER_HUB SYNCHRONIZED")
                && connection.contains("MARKET_HUB CONNECTED"));
        tick();
    }

    private io.tickflow.engine.model.ContractRegistry registry() {
        io.tickflow.engine.model.ContractRegistry r = new io.tickflow.engine.model.ContractRegistry();
        r.register(es);
        return r;
    }

    @AfterEach
    void stop() {
        engine.shutdown();
        adapter.close();
        gateway.close();
    }


    /** A new quote one tick up from the last (a quote also runs the strategy's queued actions). */
    private void tick() {
        bid = bid.add(new BigDecimal("0.25"));
        gateway.quote(es.id(), bid, 10, bid.add(new BigDecimal("0.25")), 10);
    }

    /** Runs {@code action} on the engine thread at the next quote and waits until it ran. */
    private void act(Consumer<Orders> action) {
        int before = strategy.quotes;
        strategy.actions.add(action);
        tick();
        Await.until("the strategy to act", () -> strategy.quotes > before && strategy.actions.isEmpty());
    }

    private long gatewayNet() {
        long net = 0;
        for (ApiObjects.Position p : adapter.rest().openPositions(account)) {
            net += p.type() == 1 ? p.size() : -p.size();
        }
        return net;
    }

    private long engineNet() {
        return engine.positions().position(account, 0).net();
    }

    @Test
    void aFullSessionEndsWithTheEnginesPositionAndPnlEqualToTheGateways() {
        act(o -> o.market(es, Side.BUY, 2));
        Await.until("the fill", () -> engineNet() == 2);
        assertThat(gatewayNet()).isEqualTo(2);

        long[] limit = new long[1];
        act(o -> limit[0] = o.limit(es, Side.SELL, 1, es.toTicks(bid.add(new BigDecimal("5")))));
        // the engine must have the gateway's id before it can modify: the REST view alone can be ahead of the ack
        Await.until("the limit working", () -> adapter.rest().openOrders(account).size() == 1
                && strategy.orders.contains(limit[0] + " OPEN 0/1"));
        act(o -> o.modify(limit[0], 2, es.toTicks(bid.add(new BigDecimal("4"))), io.tickflow.engine.model.PriceTicks.NONE));
        Await.until("the modify", () -> adapter.rest().openOrders(account).get(0).size() == 2);
        act(o -> o.cancel(limit[0]));
        Await.until("the cancel", () -> adapter.rest().openOrders(account).isEmpty()
                && strategy.orders.contains(limit[0] + " CANCELLED 0/2"));

        act(o -> o.market(es, Side.SELL, 2));
        Await.until("flat", () -> engineNet() == 0);
        List<ApiObjects.Trade> trades = adapter.rest().trades(account, java.time.Instant.now().minusSeconds(600));
        long gatewayPnlCents = trades.stream().filter(t -> t.profitAndLoss() != null)
                .mapToLong(t -> t.profitAndLoss().movePointRight(2).longValueExact()).sum();
        assertThat(engine.positions().position(account, 0).realizedCents()).isEqualTo(gatewayPnlCents);
        assertThat(gatewayNet()).isZero();
        assertThat(adapter.droppedPayloads()).isZero();
    }

    @Test
    void anExpiredTokenIsRenewedMidSession() {
        gateway.tokenLifetime(Duration.ofSeconds(3));
        adapter.rest().renew();
        assertThat(adapter.rest().validations()).as("validate presented the token and was answered").isEqualTo(1);
        gateway.tokenLifetime(Duration.ofHours(24));
        String shortLived = adapter.rest().token();
        // token() calls the service only when renewal is due, so polling it stays within the rate limit
        Await.until("the short-lived token renewed before it expires",
                () -> !adapter.rest().token().equals(shortLived));
        assertThat(adapter.rest().validations()).isEqualTo(2);
        act(o -> o.market(es, Side.BUY, 1));
        Await.until("the fill on the renewed token", () -> engineNet() == 1);
        assertThat(gateway.logins()).as("renewed through validate, never by signing in again").isEqualTo(1);
        assertThat(adapter.rest().logins()).isEqualTo(1);
    }

    @Test
    void aTokenExpiredEarlyAtTheGatewayIsReplacedBySigningInAgain() {
        gateway.expireTokens();
        act(o -> o.market(es, Side.BUY, 1));
        Await.until("the fill after renewal", () -> engineNet() == 1);
        assertThat(gateway.logins()).as("validate refused the expired token (ExpiredToken): signed in again")
                .isEqualTo(2);
        assertThat(adapter.loggedOut()).isNull();
        assertThat(engine.killSwitchOn()).isFalse();
    }

    @Test
    void aHubDroppedAfterAnEarlyTokenExpiryWithNoRestCallBetweenSignsInAgainAndQuotesFlow() {
        connection.clear();
        FaultScript.parse("expire-tokens").action().accept(gateway);
        FaultScript.parse("drop-hub:market").action().accept(gateway);
        Await.until("the market hub reconnected", () -> connection.contains("MARKET_HUB RECONNECTED"));
        int before = strategy.quotes;
        tick();
        Await.until("quotes again on the new connection", () -> strategy.quotes > before);
        assertThat(gateway.logins()).as("the expired token replaced by signing in again").isEqualTo(2);
        assertThat(adapter.loggedOut()).as("an expired token is not a sign-in elsewhere").isNull();
        assertThat(engine.killSwitchOn()).isFalse();
    }

    @Test
    void during429sReadsAreRetriedAndAPlacementIsNeverDuplicated() {
        gateway.faults().tooManyRequestsFor(Duration.ofMillis(600));
        int refused = gateway.faults().tooManyRequestsAnswered();
        assertThat(adapter.rest().openPositions(account)).as("a read retried through the window").isEmpty();
        assertThat(gateway.faults().tooManyRequestsAnswered()).as("answered 429 first, then retried")
                .isGreaterThan(refused);
        gateway.faults().tooManyRequestsFor(Duration.ofMillis(300));
        act(o -> o.market(es, Side.BUY, 1));
        Await.until("the refused placement to come back", () -> strategy.orders.stream().anyMatch(s -> s.contains("REJECTED")));
        gateway.faults().tooManyRequestsFor(Duration.ZERO);
        assertThat(adapter.rest().orders(account, java.time.Instant.now().minusSeconds(600))).isEmpty();
        assertThat(engineNet()).isZero();
    }

    @Test
    void aDroppedHubReconnectsResubscribesAndReconcilesWhatHappenedMeanwhile() {
        act(o -> o.market(es, Side.BUY, 1));
        Await.until("a fill seen before the drop", () -> engineNet() == 1 && adapter.lastTradeNanos(account) > 0);
        long lastSeen = adapter.lastTradeNanos(account);
        long[] id = new long[1];
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("1")))));
        Await.until("working", () -> adapter.rest().openOrders(account).size() == 1);
        connection.clear();
        gateway.faults().delayHubEvents(Duration.ofSeconds(2));
        gateway.dropHubSockets(null);
        gateway.trade(es.id(), bid.subtract(new BigDecimal("2")), 5, Side.SELL);
        gateway.faults().delayHubEvents(Duration.ZERO);
        Await.until("reconnected and synchronized", () -> connection.contains("USER_HUB RECONNECTED")
                && connection.contains("USER_HUB SYNCHRONIZED") && connection.contains("MARKET_HUB RECONNECTED"));
        assertThat(adapter.lastTradeSearchFrom()).as("trades searched from the last one seen, a little before")
                .isEqualTo(java.time.Instant.ofEpochSecond(0, lastSeen).minus(ProjectXAdapter.TRADE_OVERLAP));
        Await.until("the fill made while disconnected", () -> engineNet() == 2);
        assertThat(gatewayNet()).isEqualTo(2);
        assertThat(engine.positions().position(account, 0).fills()).as("the overlap adds no fill twice").isEqualTo(2);
        Await.until("the order filled", () -> strategy.orders.contains(id[0] + " FILLED 1/1"));
        int before = strategy.quotes;
        tick();
        Await.until("quotes again after resubscribing", () -> strategy.quotes > before);
    }

    @Test
    void aSubscribeRefusedOrCutOffAfterADropSchedulesOneReconnectAndLeavesOneConnectionOpen() {
        connection.clear();
        gateway.faults().subscribeFaults(GatewayFaults.SubscribeFault.REFUSE, 1);
        gateway.dropHubSockets("market");
        Await.until("reconnected after the refused subscribe", () -> connection.contains("MARKET_HUB RECONNECTED"));
        assertThat(adapter.reconnectsScheduled(ConnectionLink.MARKET_HUB))
                .as("one reconnect after the drop, one after the refusal").isEqualTo(2);

        connection.clear();
        gateway.faults().subscribeFaults(GatewayFaults.SubscribeFault.DROP, 1);
        gateway.dropHubSockets("market");
        Await.until("reconnected after the subscribe cut off", () -> connection.contains("MARKET_HUB RECONNECTED"));
        assertThat(adapter.reconnectsScheduled(ConnectionLink.MARKET_HUB))
                .as("the cut-off subscribe, heard both as an error and as a close, reconnects once").isEqualTo(4);
        assertThat(connection.stream().filter(s -> s.equals("MARKET_HUB RECONNECTED"))).hasSize(1);
        Await.until("one market connection at the gateway", () -> gateway.hubConnections("market") == 1);
        int before = strategy.quotes;
        tick();
        Await.until("quotes again", () -> strategy.quotes > before);

        adapter.close();
        Await.until("no connection left open at the gateway", () -> gateway.hubConnections(null) == 0);
    }

    @Test
    void anUnconfirmedSubscriptionIsAFailedConnectionAndTheReconnectBringsQuotesBack() {
        connection.clear();
        gateway.faults().subscribeFaults(GatewayFaults.SubscribeFault.IGNORE, 1);
        gateway.dropHubSockets("market");
        Await.until("a reconnect after the unanswered subscribe", () ->
                adapter.reconnectsScheduled(ConnectionLink.MARKET_HUB) == 2);
        Await.until("reconnected", () -> connection.contains("MARKET_HUB RECONNECTED"));
        assertThat(connection.stream().filter(s -> s.equals("MARKET_HUB RECONNECTED")))
                .as("the unconfirmed connection was never announced").hasSize(1);
        int before = strategy.quotes;
        tick();
        Await.until("quotes on the confirmed subscription", () -> strategy.quotes > before);
    }

    @Test
    void duplicatedAndReorderedEventsLeaveOneFillPerTrade() {
        gateway.faults().duplicateHubEvents(20);
        gateway.faults().reorderHubEvents(4);
        strategy.actions.add(o -> o.market(es, Side.BUY, 1));
        strategy.actions.add(o -> o.market(es, Side.BUY, 2));
        for (int i = 0; i < 6; i++) {
            tick();
        }
        Await.until("both fills", () -> engineNet() == 3);
        assertThat(engine.positions().position(account, 0).fills()).isEqualTo(2);
        assertThat(gatewayNet()).isEqualTo(3);
    }

    @Test
    void aPlacementWhoseAnswerIsLostIsFoundByItsCustomTagAndNotSentAgain() {
        gateway.faults().loseAnswers("Order/place", 1);
        act(o -> o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("the order found and working", () -> strategy.orders.stream().anyMatch(s -> s.endsWith("OPEN 0/1")));
        assertThat(adapter.rest().openOrders(account)).hasSize(1);
        assertThat(adapter.rest().orders(account, java.time.Instant.now().minusSeconds(600))).hasSize(1);
    }

    @Test
    void aPlacementAnsweredUnknownErrorOrOrderPendingIsFoundByItsCustomTagNotTakenAsRejected() {
        long[] id = new long[2];
        gateway.faults().answerWithCode("Order/place", 7, 1);
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("the order answered UnknownError found working", () -> strategy.orders.contains(id[0] + " OPEN 0/1"));
        gateway.faults().answerWithCode("Order/place", 6, 1);
        act(o -> id[1] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("4")))));
        Await.until("the order answered OrderPending found working", () -> strategy.orders.contains(id[1] + " OPEN 0/1"));
        assertThat(strategy.orders).as("an uncertain answer is no rejection").noneMatch(s -> s.contains("REJECTED"));
        assertThat(adapter.rest().openOrders(account)).as("both at the gateway, each sent once").hasSize(2);
        assertThat(adapter.rest().orders(account, java.time.Instant.now().minusSeconds(600))).hasSize(2);
        assertThat(engine.killSwitchOn()).isFalse();
    }

    @Test
    void aLostPlacementIsLookedForOffTheCommandThreadSoAnotherOrdersCancelDoesNotWaitBehindIt() {
        long[] id = new long[2];
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("the first order working", () -> strategy.orders.contains(id[0] + " OPEN 0/1"));
        // the second's answer is lost, and its lookup's first two reads are held past the call timeout (4 s and more)
        gateway.faults().loseAnswers("Order/place", 1);
        gateway.faults().delayAnswers("Order/search", CALL_TIMEOUT.plusSeconds(3), 2);
        act(o -> id[1] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("4")))));
        Await.until("the lost placement being looked for", () -> adapter.placementsBeingLookedFor() == 1);
        act(o -> o.cancel(id[0]));
        Await.until("the first order cancelled", () -> strategy.orders.contains(id[0] + " CANCELLED 0/1"));
        assertThat(adapter.placementsBeingLookedFor()).as("cancelled while the lookup still waits for its reads")
                .isEqualTo(1);
        act(o -> o.cancel(id[1]));
        Await.until("the looked-for order found, then its cancel sent", () ->
                strategy.orders.contains(id[1] + " CANCELLED 0/1"));
        assertThat(adapter.rest().openOrders(account)).isEmpty();
        assertThat(adapter.rest().orders(account, java.time.Instant.now().minusSeconds(600)))
                .as("each sent once").hasSize(2);
    }

    @Test
    void aPlacementRefusedWith5xxBeforeTheGatewayTookItIsSettledAsRejectedByASnapshotAndNeverResent() {
        gateway.faults().serverErrors("Order/place", 1);
        long[] id = new long[1];
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("the strategy told the order is unknown", () -> strategy.orders.contains(id[0] + " NONE 0/1"));
        // once its window has passed, a fresh snapshot settles it: not at the service, so never placed
        Await.until("the strategy told the order was rejected", () -> strategy.orders.stream()
                .anyMatch(s -> s.startsWith(id[0] + " REJECTED")));
        long rejected = id[0];
        // the listener hears the corrections once the snapshot has been applied, just after the strategy
        Await.until("the reconciliation's correction", () -> reconciled.stream()
                .anyMatch(c -> c.contains(rejected + " never reached the gateway")));
        assertThat(adapter.rest().orders(account, java.time.Instant.now().minusSeconds(600)))
                .as("nothing reached the gateway, and nothing was sent again").isEmpty();
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("the next intent working", () -> strategy.orders.contains(id[0] + " OPEN 0/1"));
        assertThat(adapter.rest().openOrders(account)).hasSize(1);
    }

    @Test
    void aSettlingSnapshotThatFailsIsRetriedWhileTheLinkIsUpSoTheLostPlacementIsNotLeftUnknown() {
        gateway.faults().serverErrors("Order/place", 1);
        long[] id = new long[1];
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("the strategy told the order is unknown", () -> strategy.orders.contains(id[0] + " NONE 0/1"));
        // only the settling snapshot reads the open orders: every retry of its read fails, so the snapshot does
        gateway.faults().serverErrors("Order/searchOpen", 5);
        Await.until("the strategy told the order was rejected", () -> strategy.orders.stream()
                .anyMatch(s -> s.startsWith(id[0] + " REJECTED")));
        assertThat(connection).as("settled on the same connection, no reconnect").doesNotContain("USER_HUB LOST");
        assertThat(adapter.rest().orders(account, java.time.Instant.now().minusSeconds(600))).isEmpty();
    }

    @Test
    void aTrailingStopIsAPlainStopAtTheGatewayThatTheEngineMovesUpBehindThePrints() {
        act(o -> o.market(es, Side.BUY, 1));
        Await.until("long", () -> engineNet() == 1);
        gateway.trade(es.id(), bid, 1, Side.BUY);
        Await.until("the print marked", () -> engine.positions().position(account, 0).fills() == 1);
        act(o -> o.trailingStop(es, Side.SELL, 1, 8));
        ApiObjects.Order stop = Await.value("the stop working at the gateway", () -> adapter.rest().openOrders(account)
                .stream().findFirst().orElse(null));
        assertThat(stop.type()).as("a plain Stop, not the gateway's trailing stop").isEqualTo(4);
        BigDecimal first = stop.stopPrice();
        assertThat(first).isLessThan(bid);

        BigDecimal higher = bid.add(new BigDecimal("5.00"));
        gateway.trade(es.id(), higher, 1, Side.BUY);
        tick();
        Await.until("the stop moved up behind the print", () -> adapter.rest().openOrders(account).stream()
                .anyMatch(o -> o.stopPrice().compareTo(higher.subtract(new BigDecimal("2.00"))) == 0));
        assertThat(gatewayNet()).isEqualTo(1);
    }

    @Test
    void aPlacementAnsweredTooLateIsReportedToTheStrategyAndFoundByItsCustomTagWithoutASecondSend() {
        gateway.faults().delayAnswers("Order/place", CALL_TIMEOUT.plusMillis(500), 1);
        long[] id = new long[1];
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("the strategy told the order is working", () -> strategy.orders.contains(id[0] + " OPEN 0/1"));
        List<ApiObjects.Order> sent = adapter.rest().orders(account, java.time.Instant.now().minusSeconds(600));
        assertThat(sent).as("one placement at the gateway, never a second send").hasSize(1);
        assertThat(sent.get(0).customTag()).isEqualTo(Long.toString(id[0]));
        assertThat(engine.killSwitchOn()).isFalse();
    }

    @Test
    void aCancelAnsweredTooLateStillEndsWithTheOrderCancelledAsTheGatewaySays() {
        long[] id = new long[1];
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("3")))));
        Await.until("working", () -> strategy.orders.contains(id[0] + " OPEN 0/1"));
        gateway.faults().delayAnswers("Order/cancel", CALL_TIMEOUT.plusMillis(500), 1);
        act(o -> o.cancel(id[0]));
        Await.until("the strategy told the order is cancelled", () -> strategy.orders.contains(id[0] + " CANCELLED 0/1"));
        assertThat(adapter.rest().openOrders(account)).isEmpty();
        assertThat(engine.killSwitchOn()).isFalse();
    }

    @Test
    void aSignInElsewhereEndsTheSessionHaltsTradingAndDoesNotReconnect() {
        gateway.logOutElsewhere("demo");
        Await.until("LOGGED_OUT on both links", () -> connection.contains("USER_HUB LOGGED_OUT")
                && connection.contains("MARKET_HUB LOGGED_OUT"));
        assertThat(adapter.loggedOut()).isNotNull();
        Await.until("the kill switch engaged", engine::killSwitchOn);
        assertThatThrownBy(() -> adapter.rest().accounts(true)).isInstanceOf(ProjectXException.SessionEnded.class);
        assertThatThrownBy(() -> adapter.rest().token()).as("no automatic sign-in")
                .isInstanceOf(ProjectXException.SessionEnded.class);
        assertThat(gateway.logins()).as("no new sign-in").isEqualTo(1);
        Await.until("both hub connections closed", () -> gateway.hubConnections(null) == 0);
        int seen = connection.size();
        adapter.rest().sessionEnded("a second notice");
        assertThat(connection.subList(connection.indexOf("USER_HUB LOGGED_OUT"), seen))
                .as("nothing reconnects after the session ended")
                .noneMatch(s -> s.endsWith("RECONNECTED") || s.endsWith(" CONNECTED"));
        assertThat(connection.stream().filter(s -> s.endsWith("LOGGED_OUT"))).hasSize(2);
        long[] refused = new long[1];
        strategy.timerActions.add(o -> refused[0] = o.market(es, Side.BUY, 1));
        Await.until("a new order from the strategy refused", () -> strategy.timerActions.isEmpty()
                && strategy.orders.stream().anyMatch(s -> s.startsWith(refused[0] + " REJECTED")));
        assertThat(engineNet()).isZero();
        assertThat(gateway.logins()).as("and still no new sign-in").isEqualTo(1);
        assertThat(adapter.rest().logins()).isEqualTo(1);
    }

    @Test
    void aCommandAfterTheAdapterClosedIsNotSentAndTheEngineThreadGoesOn() {
        long[] id = new long[1];
        act(o -> id[0] = o.limit(es, Side.BUY, 1, es.toTicks(bid.subtract(new BigDecimal("2")))));
        Await.until("the order working", () -> strategy.orders.contains(id[0] + " OPEN 0/1"));
        adapter.close();

        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean ranAfter = new java.util.concurrent.atomic.AtomicBoolean();
        strategy.timerActions.add(o -> cancelled.set(o.cancel(id[0])));
        strategy.timerActions.add(o -> ranAfter.set(true));
        Await.until("the engine thread to run past the unsendable cancel", ranAfter::get);
        assertThat(cancelled).as("the cancel was taken locally, and dropped by the closed adapter").isTrue();
    }
}
