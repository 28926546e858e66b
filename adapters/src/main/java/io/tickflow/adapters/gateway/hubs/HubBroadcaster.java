package io.tickflow.adapters.gateway.hubs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import io.tickflow.adapters.gateway.GatewayFaults;
import io.tickflow.adapters.gateway.hub.HubSession;
import io.tickflow.adapters.gateway.venue.VenueListener;
import io.tickflow.adapters.projectx.wire.ApiObjects;

/**
 * Sends the venue's events to the hub connections that subscribed to them, as the live
 * service does: market events with two arguments (contract id, payload), user events with one
 * wrapped argument {@code {action, data}}. Hub faults act here: events delayed, duplicated or
 * held and sent in reverse order — held until the count asked for is reached or for at most
 * {@link #MAX_HOLD_MILLIS}, whichever comes first, so that a quiet market never keeps an event
 * back for good. Subscriptions change on network threads and are read on the
 * venue thread, so they live in concurrent sets.
 */
public final class HubBroadcaster implements VenueListener {
    /** The longest a reorder fault holds an event back before it sends what it holds. */
    public static final long MAX_HOLD_MILLIS = 1_000;

    /** What one connection subscribed to. */
    static final class Subscriptions {
        final Set<String> quotes = ConcurrentHashMap.newKeySet();
        final Set<String> trades = ConcurrentHashMap.newKeySet();
        final Set<String> depth = ConcurrentHashMap.newKeySet();
        volatile boolean accounts;
        final Set<Long> orders = ConcurrentHashMap.newKeySet();
        final Set<Long> positions = ConcurrentHashMap.newKeySet();
        final Set<Long> userTrades = ConcurrentHashMap.newKeySet();
    }

    private record Held(HubSession session, String target, Object[] arguments) {
    }

    private final Map<HubSession, Subscriptions> sessions = new ConcurrentHashMap<>();
    private final LongFunction<String> ownerOf;
    private final GatewayFaults faults;
    private final ScheduledExecutorService scheduler;
    private final List<Held> held = new ArrayList<>();
    private int holding;
    /** Which hold the pending flush timer belongs to: a timer of an earlier hold does nothing. */
    private long holdNumber;

    /** @param ownerOf the user an account id belongs to (null if none) */
    public HubBroadcaster(LongFunction<String> ownerOf, GatewayFaults faults, ScheduledExecutorService scheduler) {
        this.ownerOf = ownerOf;
        this.faults = faults;
        this.scheduler = scheduler;
    }

    Subscriptions of(HubSession session) {
        return sessions.computeIfAbsent(session, s -> new Subscriptions());
    }

    void forget(HubSession session) {
        sessions.remove(session);
    }

    static String key(String contractId) {
        return contractId.toUpperCase(Locale.ROOT);
    }

    // ---- market hub ----

    @Override
    public void onQuote(String contractId, ApiObjects.Quote quote) {
        String k = key(contractId);
        sessions.forEach((s, subs) -> {
            if (subs.quotes.contains(k)) {
                send(s, "GatewayQuote", contractId, quote);
            }
        });
    }

    @Override
    public void onMarketTrade(String contractId, ApiObjects.MarketTrade trade) {
        String k = key(contractId);
        List<ApiObjects.MarketTrade> batch = List.of(trade);
        sessions.forEach((s, subs) -> {
            if (subs.trades.contains(k)) {
                send(s, "GatewayTrade", contractId, batch);
            }
        });
    }

    @Override
    public void onDepth(String contractId, List<ApiObjects.DepthEntry> entries) {
        String k = key(contractId);
        sessions.forEach((s, subs) -> {
            if (subs.depth.contains(k)) {
                send(s, "GatewayDepth", contractId, entries);
            }
        });
    }

    // ---- user hub ----

    @Override
    public void onAccount(ApiObjects.Account account, int action) {
        String owner = ownerOf.apply(account.id());
        ApiObjects.Wrapped event = new ApiObjects.Wrapped(action, account);
        sessions.forEach((s, subs) -> {
            if (subs.accounts && s.userName().equals(owner)) {
                send(s, "GatewayUserAccount", event);
            }
        });
    }

    @Override
    public void onOrder(ApiObjects.Order order, int action) {
        ApiObjects.Wrapped event = new ApiObjects.Wrapped(action, order);
        sessions.forEach((s, subs) -> {
            if (subs.orders.contains(order.accountId())) {
                send(s, "GatewayUserOrder", event);
            }
        });
    }

    @Override
    public void onPosition(ApiObjects.Position position, int action) {
        ApiObjects.Wrapped event = new ApiObjects.Wrapped(action, position);
        sessions.forEach((s, subs) -> {
            if (subs.positions.contains(position.accountId())) {
                send(s, "GatewayUserPosition", event);
            }
        });
    }

    @Override
    public void onTrade(ApiObjects.Trade trade, int action) {
        ApiObjects.Wrapped event = new ApiObjects.Wrapped(action, trade);
        sessions.forEach((s, subs) -> {
            if (subs.userTrades.contains(trade.accountId())) {
                send(s, "GatewayUserTrade", event);
            }
        });
    }

    // ---- sending, with the hub faults ----

    /** Sends one event to one connection, delayed, duplicated or reordered if a fault says so. */
    void send(HubSession session, String target, Object... arguments) {
        int reorder = faults.takeReorder();
        List<Held> release = List.of();
        synchronized (held) {
            if (reorder > 1) {
                holding = reorder;
                long hold = ++holdNumber;
                scheduler.schedule(() -> flushHeld(hold), MAX_HOLD_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (holding > 0) {
                held.add(new Held(session, target, arguments));
                if (held.size() < holding) {
                    return;
                }
                release = new ArrayList<>(held);
                held.clear();
                holding = 0;
            }
        }
        if (!release.isEmpty()) {
            deliverReversed(release);
            return;
        }
        deliver(session, target, arguments);
    }

    /** Sends what a hold still keeps once its time is up (on the fault scheduler's thread). */
    private void flushHeld(long hold) {
        List<Held> release;
        synchronized (held) {
            if (hold != holdNumber || held.isEmpty()) {
                return;
            }
            release = new ArrayList<>(held);
            held.clear();
            holding = 0;
        }
        deliverReversed(release);
    }

    private void deliverReversed(List<Held> release) {
        for (int i = release.size() - 1; i >= 0; i--) {
            Held h = release.get(i);
            deliver(h.session, h.target, h.arguments);
        }
    }

    private void deliver(HubSession session, String target, Object[] arguments) {
        int copies = faults.takeDuplicate() ? 2 : 1;
        long delay = faults.hubDelayMillis();
        for (int i = 0; i < copies; i++) {
            if (delay > 0) {
                scheduler.schedule(() -> session.send(target, arguments), delay, TimeUnit.MILLISECONDS);
            } else {
                session.send(target, arguments);
            }
        }
    }
}
