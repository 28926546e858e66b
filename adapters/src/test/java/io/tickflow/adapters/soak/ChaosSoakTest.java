package io.tickflow.adapters.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.projectx.ProjectXAdapter;
import io.tickflow.adapters.projectx.ProjectXRest;
import io.tickflow.adapters.projectx.ProjectXSettings;
import io.tickflow.adapters.projectx.Secret;
import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.testing.Tee;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.strategy.OrderView;

/**
 * The chaos soak: an engine with four seeded random strategies (brackets on two, order flow of
 * every kind on the other two, over two accounts and two contracts) trades through the live
 * adapter — real OkHttp, the real SignalR client — against the paper gateway on loopback,
 * while a seeded schedule drops hub sockets, delays, duplicates and reorders hub events,
 * rejects orders, answers 429 and 5xx, loses answers and expires tokens.
 *
 * <p>At checkpoints (trading paused, the network quiet) and at the end (everything stood
 * down) the engine and the gateway must agree: positions equal; every fill the gateway made
 * known to the engine exactly once; no customTag sent twice; no bracket leg working without
 * a position to protect; risk limits never exceeded; the API key in no log line. A failure
 * prints the seed and the fault/event timeline; every run prints its figures.
 *
 * <p>{@code -Dtickflow.soak.seconds=600} runs longer (default 36 s of trading), and
 * {@code -Dtickflow.soak.seed=N} replays a schedule.
 */
class ChaosSoakTest {
    private static final String KEY = "soak-key-51c0ffee-do-not-log";
    private static final long[] ACCOUNTS = {10_001, 10_002};
    private static final long MAX_ORDER = 3;
    private static final int MAX_WORKING = 12;
    private static final long MAX_POSITION = 6;
    private static final Duration CONVERGE = Duration.ofSeconds(30);

    private final Timeline timeline = new Timeline();
    private final Map<Long, AtomicInteger> fillsByTrade = new ConcurrentHashMap<>();
    private final AtomicLong maxEnginePosition = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong synchronizations = new AtomicLong();
    private final AtomicLong userReconnects = new AtomicLong();
    /** Snapshots delivered before the user hub's latest (re)connection. */
    private volatile long syncsAtLastReconnect;
    private final AtomicLong corrections = new AtomicLong();
    private final AtomicLong strategyFaults = new AtomicLong();
    private final AtomicBoolean trading = new AtomicBoolean(true);
    private final List<SoakTrader> traders = new ArrayList<>();
    private final Map<SoakTrader, long[]> seat = new HashMap<>();

    private PaperGateway gateway;
    private Engine engine;
    private ProjectXAdapter adapter;
    private ProjectXRest observer;
    private Contract[] contracts;
    private long[] bids;
    private Random market;
    private int checkpoints;
    private int quotesSent;
    private int printsSent;

    @Test
    void theEngineAndTheGatewayAgreeThroughASeededStormOfFaults() {
        long seed = Long.getLong("tickflow.soak.seed", 20_261_202L);
        long seconds = Long.getLong("tickflow.soak.seconds", 36L);
        PrintStream originalErr = System.err;
        Tee tee = new Tee(originalErr);
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        try {
            run(seed, seconds);
        } catch (AssertionError | RuntimeException e) {
            originalErr.println("CHAOS SOAK FAILED with seed " + seed + " (replay: -Dtickflow.soak.seed=" + seed
                    + "); the last " + Math.min(400, timeline.size()) + " of " + timeline.size() + " timeline lines:");
            timeline.tail(400).forEach(originalErr::println);
            throw e;
        } finally {
            System.setErr(originalErr);
            // the adapter first: its threads answer into the engine's ring until they stop
            if (adapter != null) {
                adapter.close();
            }
            if (engine != null) {
                engine.shutdown();
            }
            if (observer != null) {
                observer.close();
            }
            if (gateway != null) {
                gateway.close();
            }
        }
        String logged = tee.text();
        assertThat(logged).as("the API key in a log line of the soak").doesNotContain(KEY);
    }

    private void run(long seed, long seconds) {
        timeline.add("seed " + seed + ", " + seconds + " s of trading");
        gateway = PaperGateway.builder().user("demo", KEY).accountIds(List.of(ACCOUNTS[0], ACCOUNTS[1]))
                .accountsPerUser(2, 100_000_00).rateLimits(false).keepAlive(Duration.ofSeconds(2)).build().start();
        contracts = new Contract[] {contract("ES"), contract("NQ")};
        ContractRegistry registry = new ContractRegistry();
        for (Contract c : contracts) {
            registry.register(c);
        }
        adapter = new ProjectXAdapter(ProjectXSettings.sameHost(gateway.url(), "demo", Secret.of(KEY))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400)).withCallTimeout(Duration.ofSeconds(2)),
                registry, List.of(ACCOUNTS[0], ACCOUNTS[1]));
        observer = new ProjectXRest(gateway.url(), "demo", Secret.of(KEY));
        observer.login();
        RiskLimits limits = RiskLimits.none().withMaxOrderSize(MAX_ORDER).withMaxPosition(MAX_POSITION, 2 * MAX_POSITION)
                .withMaxWorkingOrders(MAX_WORKING).withMaxOrdersPerSecond(5);
        Engine.Builder builder = Engine.builder().config(EngineConfig.defaults()).gateway(adapter)
                .commandTimeout(Duration.ofSeconds(5)).risk(limits, Map.of()).listener(new Listener());
        for (Contract c : contracts) {
            builder.contract(c);
        }
        int n = 0;
        for (int a = 0; a < ACCOUNTS.length; a++) {
            for (int c = 0; c < contracts.length; c++) {
                SoakTrader.Style style = (a + c) % 2 == 0 ? SoakTrader.Style.BRACKETS : SoakTrader.Style.FLOW;
                SoakTrader t = new SoakTrader(style.name().toLowerCase() + "-" + ACCOUNTS[a] + "-"
                        + contracts[c].symbol(), style, seed * 13 + n++, style == SoakTrader.Style.BRACKETS ? 40 : 60,
                        MAX_ORDER, trading);
                traders.add(t);
                seat.put(t, new long[] {ACCOUNTS[a], c});
                builder.strategy(StrategySpec.of(t.name, t, contracts[c].id()).withAccount(ACCOUNTS[a]));
            }
        }
        engine = builder.build();
        engine.start();
        adapter.start(engine.publisher());
        market = new Random(seed * 31 + 7);
        bids = new long[contracts.length];
        for (int c = 0; c < contracts.length; c++) {
            Contract k = contracts[c];
            bids[c] = gateway.contracts().stream().filter(p -> p.contract().equals(k)).findFirst()
                    .orElseThrow().startBidTicks();
        }
        awaitWhileQuoting("both hubs up", () -> synchronizations.get() > 0);

        FaultSchedule faults = new FaultSchedule(seed, gateway, timeline, 900);
        long tradingMillis = seconds * 1000;
        int checkpointEvery = (int) Math.min(30_000, Math.max(12_000, tradingMillis / 3));
        long start = timeline.millis();
        long nextCheckpoint = start + checkpointEvery;
        long end = start + tradingMillis;
        while (timeline.millis() < end) {
            marketStep(true);
            faults.tick(timeline.millis());
            if (timeline.millis() >= nextCheckpoint && timeline.millis() < end - 4_000) {
                checkpoint(faults, false);
                nextCheckpoint = timeline.millis() + checkpointEvery;
            }
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
        }
        checkpoint(faults, true);
        report(seed, faults);
    }

    private Contract contract(String symbol) {
        return gateway.contracts().stream().filter(p -> p.contract().symbol().equals(symbol)).findFirst()
                .orElseThrow().contract();
    }

    /** One step of each market: a quote, and now and then a print; {@code move} false keeps prices where they are. */
    private void marketStep(boolean move) {
        for (int c = 0; c < contracts.length; c++) {
            Contract k = contracts[c];
            if (move) {
                bids[c] += market.nextInt(5) - 2;
            }
            BigDecimal bid = k.toPrice(bids[c]);
            BigDecimal ask = k.toPrice(bids[c] + 1);
            gateway.quote(k.id(), bid, 1 + market.nextInt(8), ask, 1 + market.nextInt(8));
            quotesSent++;
            if (move && market.nextInt(3) == 0) {
                boolean atBid = market.nextBoolean();
                gateway.trade(k.id(), atBid ? bid : ask, 1 + market.nextInt(4), atBid ? Side.SELL : Side.BUY);
                printsSent++;
            }
        }
    }

    /**
     * Pauses the strategies, quiets the network and checks the invariants: first those that
     * the event stream and earlier reconciliations must already satisfy (positions, fills),
     * then, after a reconnect of the checkpoint's own, the working orders too. At the end the
     * engine also stands down, and nothing may be left working or open; the strategies, resumed,
     * must then know that none of their orders works.
     */
    private void checkpoint(FaultSchedule faults, boolean last) {
        checkpoints++;
        trading.set(false);
        timeline.add((last ? "FINAL " : "") + "CHECKPOINT " + checkpoints + ": trading paused");
        faults.quiet();
        awaitWhileQuoting("positions and fills to agree with the gateway", this::positionsAndFillsAgree);
        // every placement answered (or given up on): the reconnect below then settles those with no answer
        awaitWhileQuoting("every placement answered", () -> traders.stream()
                .allMatch(t -> !t.lastStatus.containsValue(OrderStatus.PENDING)));
        long reconnected = userReconnects.get();
        faults.reconnectUserHub();
        // the snapshot of this reconnect, not of one still being delivered when the socket dropped
        awaitWhileQuoting("the checkpoint's reconnect", () -> userReconnects.get() > reconnected
                && synchronizations.get() > syncsAtLastReconnect);
        if (last) {
            timeline.add("standing down: cancel everything, flatten");
            engine.standDown(true);
            awaitWhileQuoting("flat everywhere after standing down", this::flatEverywhere);
            // resumed (with trading still paused), each strategy first hears how its orders ended meanwhile
            traders.forEach(t -> engine.resume(t.name));
        }
        awaitWhileQuoting("working orders to agree with the gateway", this::workingOrdersAgree);
        awaitWhileQuoting("positions and fills to agree after the reconnect", this::positionsAndFillsAgree);
        checkInvariants(last);
        timeline.add("CHECKPOINT " + checkpoints + " passed: " + fillsByTrade.size() + " fills");
        trading.set(true);
    }

    private boolean positionsAndFillsAgree() {
        for (long account : ACCOUNTS) {
            Map<Integer, Long> theirs = gatewayNet(account);
            for (int c = 0; c < contracts.length; c++) {
                if (engine.positions().position(account, c).net() != theirs.getOrDefault(c, 0L)) {
                    return false;
                }
            }
        }
        return knownTrades().equals(fillsByTrade.keySet());
    }

    private boolean flatEverywhere() {
        for (long account : ACCOUNTS) {
            if (!gatewayNet(account).values().stream().allMatch(n -> n == 0) || !observer.openOrders(account).isEmpty()) {
                return false;
            }
            for (int c = 0; c < contracts.length; c++) {
                if (engine.positions().position(account, c).net() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean workingOrdersAgree() {
        for (SoakTrader t : traders) {
            long account = seat.get(t)[0];
            int c = (int) seat.get(t)[1];
            Set<Long> theirs = new HashSet<>();
            for (ApiObjects.Order o : observer.openOrders(account)) {
                if (o.contractId().equals(contracts[c].id())) {
                    theirs.add(Long.parseLong(o.customTag()));
                }
            }
            Set<Long> ours = new HashSet<>();
            t.lastStatus.forEach((id, s) -> {
                if (!s.isTerminal()) {
                    ours.add(id);
                }
            });
            if (!theirs.equals(ours)) {
                return false;
            }
        }
        return true;
    }

    private void checkInvariants(boolean last) {
        Set<Long> trades = knownTrades();
        assertThat(fillsByTrade.keySet()).as("every fill the gateway made is known to the engine")
                .containsExactlyInAnyOrderElementsOf(trades);
        assertThat(fillsByTrade.entrySet()).as("fills the engine applied more than once")
                .allSatisfy(e -> assertThat(e.getValue().get()).as("trade " + e.getKey()).isEqualTo(1));
        long engineFills = 0;
        for (long account : ACCOUNTS) {
            for (int c = 0; c < contracts.length; c++) {
                engineFills += engine.positions().position(account, c).fills();
            }
        }
        assertThat(engineFills).as("fills in the engine's positions").isEqualTo(trades.size());
        for (long account : ACCOUNTS) {
            Map<String, Integer> tags = new HashMap<>();
            for (ApiObjects.Order o : observer.orders(account, Instant.now().minus(Duration.ofHours(1)))) {
                assertThat(o.customTag()).as("order %d has our customTag", o.id()).isNotNull();
                tags.merge(o.customTag(), 1, Integer::sum);
            }
            assertThat(tags.entrySet()).as("customTags sent twice on account " + account)
                    .allSatisfy(e -> assertThat(e.getValue()).as("customTag " + e.getKey()).isEqualTo(1));
            Map<Integer, Long> net = gatewayNet(account);
            for (int c = 0; c < contracts.length; c++) {
                long theirs = net.getOrDefault(c, 0L);
                assertThat(engine.positions().position(account, c).net()).as("position of %d in %s", account,
                        contracts[c].symbol()).isEqualTo(theirs);
                assertThat(Math.abs(theirs)).as("gateway position over the risk limit").isLessThanOrEqualTo(MAX_POSITION);
                if (last) {
                    assertThat(theirs).as("flat after standing down").isZero();
                }
            }
            List<ApiObjects.Order> working = observer.openOrders(account);
            assertThat(working.size()).as("orders working on account %d over the risk limit", account)
                    .isLessThanOrEqualTo(MAX_WORKING);
            for (ApiObjects.Order o : working) {
                long id = Long.parseLong(o.customTag());
                int c = o.contractId().equals(contracts[0].id()) ? 0 : 1;
                long theirs = net.getOrDefault(c, 0L);
                boolean protective = traders.stream().anyMatch(t -> t.protective.contains(id));
                if (protective) {
                    assertThat(theirs).as("protective order %d works on a flat position (account %d, %s)", id,
                            account, contracts[c].symbol()).isNotZero();
                    assertThat(o.side()).as("protective order %d is on the closing side", id)
                            .isEqualTo(theirs > 0 ? Side.SELL.code() : Side.BUY.code());
                }
            }
            if (last) {
                assertThat(observer.openOrders(account)).as("orders left working after standing down").isEmpty();
            }
        }
        for (SoakTrader t : traders) {
            t.placed.forEach((id, size) -> assertThat(size).as("order size over the limit").isLessThanOrEqualTo(MAX_ORDER));
        }
        assertThat(maxEnginePosition.get()).as("largest position the engine held").isLessThanOrEqualTo(MAX_POSITION);
        assertThat(strategyFaults.get()).as("exceptions on the engine thread").isZero();
        assertThat(adapter.droppedPayloads()).as("payloads dropped").isZero();
    }

    private Set<Long> knownTrades() {
        Set<Long> ids = new HashSet<>();
        for (long account : ACCOUNTS) {
            for (ApiObjects.Trade t : observer.trades(account, Instant.now().minus(Duration.ofHours(1)))) {
                if (!t.voided()) {
                    ids.add(t.id());
                }
            }
        }
        return ids;
    }

    private Map<Integer, Long> gatewayNet(long account) {
        Map<Integer, Long> net = new HashMap<>();
        for (ApiObjects.Position p : observer.openPositions(account)) {
            int c = p.contractId().equals(contracts[0].id()) ? 0 : 1;
            net.merge(c, p.type() == 1 ? p.size() : -p.size(), Long::sum);
        }
        return net;
    }

    /** Waits for {@code condition}, quoting unchanged prices meanwhile so that events held for reordering are let go. */
    private void awaitWhileQuoting(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + CONVERGE + " waiting for " + what + "\n" + state());
            }
            marketStep(false);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private String state() {
        StringBuilder s = new StringBuilder();
        for (long account : ACCOUNTS) {
            s.append("account ").append(account).append(": gateway ").append(gatewayNet(account)).append(", engine [");
            for (int c = 0; c < contracts.length; c++) {
                s.append(contracts[c].symbol()).append('=').append(engine.positions().position(account, c).net())
                        .append(' ');
            }
            s.append("]\n  gateway open orders: ");
            observer.openOrders(account).forEach(o -> s.append(o.customTag()).append('/').append(o.contractId())
                    .append(' '));
            s.append('\n');
        }
        for (SoakTrader t : traders) {
            s.append("  ").append(t.name).append(" live: ");
            t.lastStatus.forEach((id, st) -> {
                if (!st.isTerminal()) {
                    s.append(id).append('=').append(st).append(' ');
                }
            });
            s.append('\n');
        }
        Set<Long> trades = knownTrades();
        Set<Long> missing = new HashSet<>(trades);
        missing.removeAll(fillsByTrade.keySet());
        Set<Long> extra = new HashSet<>(fillsByTrade.keySet());
        extra.removeAll(trades);
        s.append("  gateway trades ").append(trades.size()).append(", engine fills ").append(fillsByTrade.size())
                .append(", missing ").append(missing).append(", not at the gateway ").append(extra);
        return s.toString();
    }

    private void report(long seed, FaultSchedule faults) {
        long orders = 0;
        for (long account : ACCOUNTS) {
            orders += observer.orders(account, Instant.now().minus(Duration.ofHours(1))).size();
        }
        System.out.printf("chaos soak (seed %d): %d faults injected %s; %d events checked by the engine "
                        + "(%d quotes, %d prints sent); %d orders at the gateway, %d fills, each known once; "
                        + "%d reconnects, %d reconciliations, %d corrections; %d checkpoints; %d strategy actions; "
                        + "0 lost%n",
                seed, faults.total(), faults.injected(), engine.stats().processed(), quotesSent, printsSent, orders,
                fillsByTrade.size(), reconnects.get(), synchronizations.get(), corrections.get(), checkpoints,
                traders.stream().mapToLong(t -> t.actions.get()).sum());
    }

    /** Engine-thread hooks: fills by trade id, the largest position held, connection changes, faults. */
    private final class Listener implements EngineListener {
        @Override
        public void onOrderFilled(OrderView order, long tradeId, long size, long priceTicks, long ts) {
            fillsByTrade.computeIfAbsent(tradeId, k -> new AtomicInteger()).incrementAndGet();
            for (long account : ACCOUNTS) {
                for (int c = 0; c < contracts.length; c++) {
                    long net = Math.abs(engine.positions().position(account, c).net());
                    maxEnginePosition.accumulateAndGet(net, Math::max);
                }
            }
            timeline.add("fill " + tradeId + " of order " + order.clientOrderId() + " " + order.side() + " " + size
                    + " " + order.contract().symbol() + " @" + priceTicks);
        }

        @Override
        public void onConnectionState(ConnectionLink link, ConnectionState state, CharSequence detail, long ts) {
            timeline.add(link + " " + state + " " + detail);
            if (state == ConnectionState.RECONNECTED) {
                reconnects.incrementAndGet();
            }
            if (link == ConnectionLink.USER_HUB && state == ConnectionState.RECONNECTED) {
                syncsAtLastReconnect = synchronizations.get();
                userReconnects.incrementAndGet();
            }
            if (state == ConnectionState.SYNCHRONIZED) {
                synchronizations.incrementAndGet();
            }
        }

        @Override
        public void onReconciled(List<String> list) {
            corrections.addAndGet(list.size());
            timeline.add("reconciled: " + list);
        }

        @Override
        public void onStrategyFault(String strategy, String callback, String event, Throwable error, boolean halted) {
            strategyFaults.incrementAndGet();
            timeline.add("STRATEGY FAULT " + strategy + "." + callback + ": " + error);
        }

        @Override
        public void onRejectedEvent(String reason, String event) {
            timeline.add("rejected event: " + reason + " " + event);
        }
    }
}
