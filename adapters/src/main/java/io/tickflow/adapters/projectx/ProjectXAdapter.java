package io.tickflow.adapters.projectx;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.microsoft.signalr.HubConnection;

import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.projectx.wire.Json;
import io.tickflow.adapters.projectx.wire.WireTime;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.time.SystemClock;

/**
 * The engine's connection to a ProjectX service (live, or the local paper gateway): the
 * {@link GatewayPort} that turns router commands into REST calls on its own I/O thread and
 * answers through the ring, and the two hubs whose events become ring events. After every
 * (re)connection of the user hub it delivers the service's orders, trades and positions of
 * the engine's accounts between RECONNECTED and SYNCHRONIZED, so the router reconciles.
 *
 * <p>A placement is sent within the call timeout of its request or not at all (held that long by
 * the rate limit, it is rejected as never sent), and its answer comes within another call
 * timeout: so once the engine's command timeout (longer than both together) has passed, an
 * order the service does not have will never appear there.
 *
 * <p>A placement is never sent twice. When its answer is lost (a timeout, a 5xx) or says the
 * service does not know (OrderPending, UnknownError: only the other codes say the order was not
 * placed, and only they become a rejection), the order is looked for by its customTag (our
 * client order id); found, it is acknowledged with the service's id; not found after a second
 * look, it is reported as unanswered, and the next reconciliation settles it. The looking is done off the command thread, so other orders'
 * commands do not wait behind its retried reads; the order's own later commands are held until
 * it has answered, and then sent in the order they came.
 */
public final class ProjectXAdapter implements GatewayPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectXAdapter.class);
    private static final Duration SYNC_OVERLAP = Duration.ofMinutes(5);
    /** Reads of trades-then-positions before a snapshot is taken as it is, trades still arriving. */
    private static final int CONSISTENT_SNAPSHOT_TRIES = 3;
    /** How long past a lost placement's window the snapshot that settles it is taken. */
    private static final long SETTLE_MARGIN_MILLIS = 500;
    /** How far before the last trade seen a reconciliation searches again: duplicates are dropped by trade id. */
    static final Duration TRADE_OVERLAP = Duration.ofSeconds(5);

    private final ProjectXSettings settings;
    private final ContractRegistry contracts;
    private final List<Long> accounts;
    private final ProjectXRest rest;
    private final SystemClock clock = new SystemClock();
    private final ExecutorService commands = Executors.newSingleThreadExecutor(daemon("projectx-commands"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("projectx-links"));
    /** Where lost placements are looked for: their retried reads hold neither commands nor hub reconnects. */
    private final ScheduledExecutorService lookups = Executors.newSingleThreadScheduledExecutor(
            daemon("projectx-lookups"));
    private RingWriter ring;
    private HubLink market;
    private HubLink user;
    private volatile Instant lastSync;
    /** Per account: {creation time in epoch nanos, id} of the newest trade seen. Guarded by itself. */
    private final Map<Long, long[]> lastTrade = new java.util.HashMap<>();
    private volatile Instant lastTradeSearchFrom;
    private volatile String loggedOut;
    /**
     * Set first thing in {@link #close}: the SignalR client may still dispatch events it had
     * queued after its hubs stopped, and those are dropped here, not published to an engine
     * that may already be shut down.
     */
    private volatile boolean closed;
    private MarketDataRecorder recorder;
    /**
     * Lost placements being looked for off the command thread, by client order id, each with
     * the commands for that order held until the lookup has answered. Guarded by itself.
     */
    private final Map<Long, List<Runnable>> settling = new java.util.HashMap<>();

    /**
     * @param contracts the engine's contracts (their ids are the service's contract ids)
     * @param accounts  the accounts the engine trades: their orders, positions and trades are followed
     */
    public ProjectXAdapter(ProjectXSettings settings, ContractRegistry contracts, List<Long> accounts) {
        this.settings = settings;
        this.contracts = contracts;
        this.accounts = List.copyOf(accounts);
        this.rest = new ProjectXRest(settings.restBase(), settings.userName(), settings.apiKey(),
                settings.callTimeout(), Duration.ofMillis(200));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The REST client (for reads a caller may want: accounts, contracts, bars). */
    public ProjectXRest rest() {
        return rest;
    }

    /**
     * Signs in, connects both hubs, subscribes and delivers the first snapshot into
     * {@code ringPublisher}. Returns once both hubs are connected or retrying in the background.
     *
     * @throws ProjectXException when signing in fails (bad credentials are not retried)
     */
    public void start(InboundPublisher ringPublisher) {
        this.ring = new RingWriter(ringPublisher, contracts, clock::nanos);
        synchronized (this) {
            if (recorder != null) {
                ring.record(recorder);
            }
        }
        rest.onSessionEnded(this::onLoggedOut);
        rest.login();
        market = new HubLink(ConnectionLink.MARKET_HUB, settings.marketHub(), rest, ring, new MarketSetup(), scheduler,
                settings.reconnectBase(), settings.reconnectCap(), settings.callTimeout());
        user = new HubLink(ConnectionLink.USER_HUB, settings.userHub(), rest, ring, new UserSetup(), scheduler,
                settings.reconnectBase(), settings.reconnectCap(), settings.callTimeout());
        market.start();
        user.start();
        // hubs may sit for hours without a REST call: renew the token on time all the same
        scheduler.scheduleWithFixedDelay(this::keepTokenFresh, 30, 30, TimeUnit.SECONDS);
    }

    private void keepTokenFresh() {
        if (loggedOut != null) {
            return;
        }
        try {
            rest.token();
        } catch (ProjectXException e) {
            LOG.warn("renewing the session token failed: {}", e.getMessage());
        }
    }

    /**
     * Records every quote and print to level-1 CSV files in {@code dir}, one per contract, for
     * re-running the session as a backtest (from the start if called before {@link #start});
     * the files are closed with the adapter.
     */
    public synchronized void recordMarketData(java.nio.file.Path dir) {
        recorder = new MarketDataRecorder(dir, contracts);
        if (ring != null) {
            ring.record(recorder);
        }
    }

    /** Why the session ended (a sign-in elsewhere), or null while it lives. */
    public String loggedOut() {
        return loggedOut;
    }

    /**
     * The service ended the session (seen by either hub, or by a REST call answered 401): both
     * links stop for good and each reports LOGGED_OUT, so the engine halts trading whichever
     * link saw it first. Called once, by the REST client, on whichever thread noticed.
     */
    private void onLoggedOut(String why) {
        synchronized (this) {
            if (loggedOut != null) {
                return;
            }
            loggedOut = why;
        }
        LOG.error("ProjectX ended the session of {} ({}): the same user signed in elsewhere. Trading halts; "
                + "not reconnecting, not signing in again.", settings.userName(), why);
        if (market != null) {
            market.stopQuietly();
        }
        if (user != null) {
            user.stopQuietly();
        }
        if (ring != null) {
            ring.connection(ConnectionLink.USER_HUB, ConnectionState.LOGGED_OUT, why);
            ring.connection(ConnectionLink.MARKET_HUB, ConnectionState.LOGGED_OUT, why);
        }
    }

    /** Payloads dropped because they could not be understood. */
    public long droppedPayloads() {
        return ring == null ? 0 : ring.dropped();
    }

    // ---- hubs ----

    /** A hub payload as a tree, or null (dropped and counted) when it is not JSON the engine can read. */
    private JsonNode tree(String what, JsonElement element) {
        return element == null ? null : ring.parse(what, element.toString());
    }

    private final class MarketSetup implements HubLink.Setup {
        @Override
        public void handlers(HubConnection c) {
            c.on("GatewayQuote", (id, q) -> {
                if (!closed) {
                    ring.quote(id, q);
                }
            }, String.class, JsonElement.class);
            c.on("GatewayTrade", (id, t) -> {
                if (!closed && t != null) {
                    ring.trades(id, t);
                }
            }, String.class, JsonElement.class);
            c.on("GatewayDepth", (id, d) -> {
                if (!closed && d != null) {
                    ring.depth(id, d);
                }
            }, String.class, JsonElement.class);
        }

        @Override
        public void subscribe(HubConnection c, Duration timeout) {
            for (int i = 0; i < contracts.size(); i++) {
                String id = contracts.contract(i).id();
                HubLink.confirm(c.invoke("SubscribeContractQuotes", id), timeout, "SubscribeContractQuotes " + id);
                HubLink.confirm(c.invoke("SubscribeContractTrades", id), timeout, "SubscribeContractTrades " + id);
                if (settings.marketDepth()) {
                    HubLink.confirm(c.invoke("SubscribeContractMarketDepth", id), timeout,
                            "SubscribeContractMarketDepth " + id);
                }
            }
        }
    }

    private final class UserSetup implements HubLink.Setup {
        @Override
        public void handlers(HubConnection c) {
            c.on("GatewayUserOrder", o -> user("order update", o, ring::order), JsonElement.class);
            c.on("GatewayUserTrade", t -> user("trade", t, ProjectXAdapter.this::fill), JsonElement.class);
            c.on("GatewayUserPosition", p -> user("position", p, ring::position), JsonElement.class);
            c.on("GatewayUserAccount", a -> user("account", a, ring::account), JsonElement.class);
        }

        private void user(String what, JsonElement payload, java.util.function.Consumer<JsonNode> to) {
            JsonNode n = closed ? null : tree(what, payload);
            if (n != null) {
                to.accept(RingWriter.unwrap(n));
            }
        }

        @Override
        public void subscribe(HubConnection c, Duration timeout) {
            HubLink.confirm(c.invoke("SubscribeAccounts"), timeout, "SubscribeAccounts");
            for (long account : accounts) {
                HubLink.confirm(c.invoke("SubscribeOrders", account), timeout, "SubscribeOrders " + account);
                HubLink.confirm(c.invoke("SubscribePositions", account), timeout, "SubscribePositions " + account);
                HubLink.confirm(c.invoke("SubscribeTrades", account), timeout, "SubscribeTrades " + account);
            }
        }

        @Override
        public void afterConnect(boolean reconnect) {
            synchronize();
        }
    }

    /**
     * The snapshot reconciliation works from, for every account: orders changed since the last
     * sync (open or finished), trades since then, and the open positions; then SYNCHRONIZED.
     * Ends with the connection's own RECONNECTED/CONNECTED already published by the link.
     */
    private void synchronize() {
        Instant now = Instant.now();
        Instant from = lastSync == null ? now.minus(Duration.ofDays(1)) : lastSync.minus(SYNC_OVERLAP);
        for (long account : accounts) {
            Map<Long, ApiObjects.Order> orders = new LinkedHashMap<>();
            rest.orders(account, from).forEach(o -> orders.put(o.id(), o));
            rest.openOrders(account).forEach(o -> orders.put(o.id(), o));
            orders.values().forEach(o -> ring.order(Json.MAPPER.valueToTree(o)));
            Instant tradesFrom = tradesFrom(account, from);
            lastTradeSearchFrom = tradesFrom;
            List<ApiObjects.Trade> trades = rest.trades(account, tradesFrom);
            List<ApiObjects.Position> positions = rest.openPositions(account);
            // a fill landing between the two reads would be in the positions but not in the
            // trades: the router would "correct" the position and then count the fill's hub
            // copy again. Read the trades once more; positions taken while no trade arrived
            // are exactly the trades read.
            for (int attempt = 1; attempt < CONSISTENT_SNAPSHOT_TRIES; attempt++) {
                List<ApiObjects.Trade> again = rest.trades(account, tradesFrom);
                if (tradeIds(again).equals(tradeIds(trades))) {
                    break;
                }
                trades = again;
                positions = rest.openPositions(account);
            }
            trades.forEach(t -> fill(Json.MAPPER.valueToTree(t)));
            positions.forEach(p -> ring.position(Json.MAPPER.valueToTree(p)));
        }
        lastSync = now;
        ring.connection(ConnectionLink.USER_HUB, ConnectionState.SYNCHRONIZED, "snapshot delivered");
    }

    private static Set<Long> tradeIds(List<ApiObjects.Trade> trades) {
        Set<Long> ids = new HashSet<>();
        trades.forEach(t -> ids.add(t.id()));
        return ids;
    }

    /** Hands a fill to the ring and remembers the newest one seen, where the next reconciliation resumes. */
    private void fill(JsonNode trade) {
        String ts = trade.path("creationTimestamp").asText(null);
        if (ts != null) {
            try {
                long nanos = WireTime.parse(ts);
                long id = trade.path("id").asLong();
                synchronized (lastTrade) {
                    long[] last = lastTrade.computeIfAbsent(trade.path("accountId").asLong(), a -> new long[2]);
                    if (nanos > last[0] || (nanos == last[0] && id > last[1])) {
                        last[0] = nanos;
                        last[1] = id;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("a trade with an unreadable creationTimestamp '{}'", ts);
            }
        }
        ring.fill(trade);
    }

    /**
     * Where the trade search of a reconciliation starts: a little before the last trade seen
     * (so nothing after it can be missed whatever the clocks say), or the orders' window when
     * none was seen yet.
     */
    private Instant tradesFrom(long account, Instant ordersFrom) {
        synchronized (lastTrade) {
            long[] last = lastTrade.get(account);
            return last == null ? ordersFrom : Instant.ofEpochSecond(0, last[0]).minus(TRADE_OVERLAP);
        }
    }

    /** Reconnects the link has scheduled so far, one per failed connection (tests). */
    long reconnectsScheduled(ConnectionLink link) {
        return (link == ConnectionLink.MARKET_HUB ? market : user).reconnectsScheduled();
    }

    /** Where the last reconciliation's trade search started (tests). */
    Instant lastTradeSearchFrom() {
        return lastTradeSearchFrom;
    }

    /** The creation time (epoch nanos) of the newest trade seen on {@code account}, 0 if none (tests). */
    long lastTradeNanos(long account) {
        synchronized (lastTrade) {
            long[] last = lastTrade.get(account);
            return last == null ? 0 : last[0];
        }
    }

    // ---- GatewayPort (engine thread: hand over, never block) ----

    @Override
    public void place(long clientOrderId, OrderRequest r) {
        Instant sentAt = Instant.now();
        long sendBy = System.nanoTime() + settings.callTimeout().toNanos();
        send(CommandKind.PLACE, clientOrderId, () -> {
            Contract c = contracts.contract(r.contract());
            try {
                long id = rest.placeBy(sendBy, r.accountId(), c.id(), r.type().code(), r.side().code(), r.size(),
                        price(c, r.limitTicks()), price(c, r.stopTicks()),
                        r.type() == OrderType.TRAILING_STOP ? c.toPrice(r.trailTicks()) : null,
                        Long.toString(clientOrderId));
                ring.ack(CommandKind.PLACE, r.accountId(), clientOrderId, id);
            } catch (ProjectXException e) {
                if (e.outcomeUnknown()) {
                    LOG.warn("placing order {} got no clear answer ({}); looking for it by its customTag",
                            clientOrderId, e.getMessage());
                    lookFor(clientOrderId, r.accountId(), sentAt);
                } else {
                    ring.reject(CommandKind.PLACE, r.accountId(), clientOrderId, 0, e.errorCode(), e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.error("placing order {} failed", clientOrderId, e);
                ring.reject(CommandKind.PLACE, r.accountId(), clientOrderId, 0, CommandResultTranslator.NO_ANSWER,
                        e.toString());
            }
        });
    }

    /**
     * Starts looking for a lost placement off the command thread (its retried reads may take
     * many call timeouts, and other orders' commands must not wait behind them). Until it is
     * settled, the order's own later commands are held, then run in the order they came.
     * Command thread.
     */
    private void lookFor(long clientOrderId, long accountId, Instant sentAt) {
        synchronized (settling) {
            settling.put(clientOrderId, new ArrayList<>());
        }
        try {
            lookups.execute(() -> findLostPlacement(clientOrderId, accountId, sentAt, 1));
        } catch (RejectedExecutionException e) {
            LOG.warn("order {} not looked for: the adapter is closed", clientOrderId);
        }
    }

    /** Looks for a placement whose answer was lost, by customTag; twice, a second apart, then gives up to reconciliation. */
    private void findLostPlacement(long clientOrderId, long accountId, Instant sentAt, int attempt) {
        String tag = Long.toString(clientOrderId);
        try {
            for (ApiObjects.Order o : rest.orders(accountId, sentAt.minus(Duration.ofMinutes(1)))) {
                if (tag.equals(o.customTag())) {
                    LOG.info("found order {} at the service as {}", clientOrderId, o.id());
                    ring.ack(CommandKind.PLACE, accountId, clientOrderId, o.id());
                    settled(clientOrderId);
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for order {} failed: {}", clientOrderId, e.getMessage());
        }
        if (attempt < 2) {
            try {
                lookups.schedule(() -> findLostPlacement(clientOrderId, accountId, sentAt, attempt + 1), 1,
                        TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("order {} not looked for again: the adapter is closing", clientOrderId);
            }
            return;
        }
        // UNKNOWN until the placement's window has passed (it cannot appear at the service after it);
        // then a fresh snapshot settles it by what the service holds
        long settleIn = Math.max(0, Duration.between(Instant.now(), sentAt.plus(settings.commandTimeout())).toMillis())
                + SETTLE_MARGIN_MILLIS;
        LOG.warn("order {} is not at the service after a lost answer; reconciling in {} ms", clientOrderId, settleIn);
        ring.reject(CommandKind.PLACE, accountId, clientOrderId, 0, CommandResultTranslator.NO_ANSWER,
                "no answer from the service, and no order with this customTag");
        settled(clientOrderId);
        try {
            scheduler.schedule(() -> user.resynchronize("order " + clientOrderId + " not found after a lost answer"),
                    settleIn, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("order {} not reconciled: the adapter is closing", clientOrderId);
        }
    }

    /**
     * The lookup of {@code clientOrderId} has answered the engine: on the command thread, the
     * commands held for the order run, in order, and later ones run as they come. Doing both there
     * keeps the order: one that comes meanwhile is still held, and runs after those before it.
     */
    private void settled(long clientOrderId) {
        send(CommandKind.PLACE, clientOrderId, () -> {
            List<Runnable> held;
            synchronized (settling) {
                held = settling.remove(clientOrderId);
            }
            if (held != null) {
                held.forEach(Runnable::run);
            }
        }, false);
    }

    /** Lost placements being looked for, with the commands held for each until then (tests). */
    int placementsBeingLookedFor() {
        synchronized (settling) {
            return settling.size();
        }
    }

    private static BigDecimal price(Contract c, long ticks) {
        return ticks == PriceTicks.NONE ? null : c.toPrice(ticks);
    }

    @Override
    public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
        send(CommandKind.CANCEL, clientOrderId, () -> answer(CommandKind.CANCEL, accountId, clientOrderId,
                gatewayOrderId, () -> rest.cancel(accountId, gatewayOrderId)));
    }

    @Override
    public void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size,
                       long limitTicks, long stopTicks) {
        Contract c = contracts.contract(contract);
        send(CommandKind.MODIFY, clientOrderId, () -> answer(CommandKind.MODIFY, accountId, clientOrderId,
                gatewayOrderId, () -> rest.modify(accountId, gatewayOrderId, size > 0 ? size : null,
                        price(c, limitTicks), price(c, stopTicks))));
    }

    /**
     * Hands a command to the I/O thread. After {@link #close} nothing is sent: the command is
     * logged and dropped, never thrown at the engine thread, and the router's command timeout
     * reports it unanswered (answering it here would publish into the ring from its own consumer).
     */
    private void send(CommandKind kind, long clientOrderId, Runnable command) {
        send(kind, clientOrderId, command, true);
    }

    /** @param holdWhileSettling whether the command waits for a lookup of its order still under way */
    private void send(CommandKind kind, long clientOrderId, Runnable command, boolean holdWhileSettling) {
        try {
            commands.execute(holdWhileSettling ? () -> runOrHold(clientOrderId, command) : command);
        } catch (RejectedExecutionException e) {
            LOG.warn("{} of order {} not sent: the adapter is closed", kind, clientOrderId);
        }
    }

    /** Runs a command now, or holds it if its order's lost placement is still being looked for. Command thread. */
    private void runOrHold(long clientOrderId, Runnable command) {
        synchronized (settling) {
            List<Runnable> held = settling.get(clientOrderId);
            if (held != null) {
                held.add(command);
                return;
            }
        }
        command.run();
    }

    private void answer(CommandKind kind, long accountId, long clientOrderId, long gatewayOrderId, Runnable call) {
        try {
            call.run();
            ring.ack(kind, accountId, clientOrderId, gatewayOrderId);
        } catch (ProjectXException e) {
            ring.reject(kind, accountId, clientOrderId, gatewayOrderId,
                    e.outcomeUnknown() ? CommandResultTranslator.NO_ANSWER : e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} of order {} failed", kind, gatewayOrderId, e);
            ring.reject(kind, accountId, clientOrderId, gatewayOrderId, CommandResultTranslator.NO_ANSWER,
                    e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (market != null) {
            market.stop();
        }
        if (user != null) {
            user.stop();
        }
        commands.shutdown();
        scheduler.shutdownNow();
        lookups.shutdownNow();
        try {
            commands.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rest.close();
        if (recorder != null) {
            recorder.close();
        }
    }
}
