package io.tickflow.engine.core;

import java.util.ArrayList;
import java.util.List;

import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.order.OrderRouter;

/**
 * Trailing stops the engine keeps itself, for gateways whose native trailing stop cannot be
 * trusted (ProjectX documents its {@code trailPrice} neither as a distance nor as a price): a
 * plain stop order whose stop the engine moves behind the market. A sell stop stays
 * {@code trailTicks} under the highest reference price since it was placed (the last trade, or
 * the mid before any trade, as the desk marks the market), a buy stop over the lowest; it never
 * moves back. Each move is a modify, at most one per order per {@code minIntervalNanos} (the
 * gateway's request budget is shared by everything), the latest wanted stop sent once the
 * interval has passed, on the next market event or timer. The stop triggers at the gateway as
 * any stop does. Engine thread only; nothing is allocated per market event.
 */
final class TrailingStops {
    private static final class Trail {
        final long id;
        final int contract;
        final boolean sell;
        final long trailTicks;
        long extreme;
        long sentStop;
        long wantedStop;
        long lastSentNanos;
        /** Moves refused in a row: each doubles the wait before the next try, up to a minute. */
        int refusals;

        Trail(long id, int contract, boolean sell, long trailTicks, long reference, long stop, long now) {
            this.id = id;
            this.contract = contract;
            this.sell = sell;
            this.trailTicks = trailTicks;
            this.extreme = reference;
            this.sentStop = stop;
            this.wantedStop = stop;
            this.lastSentNanos = now;
        }
    }

    private static final long MAX_RETRY_NANOS = 60_000_000_000L;

    private final OrderRouter router;
    private final long minIntervalNanos;
    private final List<Trail> trails = new ArrayList<>();

    TrailingStops(OrderRouter router, long minIntervalNanos) {
        this.router = router;
        this.minIntervalNanos = minIntervalNanos;
    }

    /** Where a new trailing stop starts: {@code trailTicks} behind the reference, on the side it protects. */
    static long stopBehind(Side side, long reference, long trailTicks) {
        return side == Side.SELL ? reference - trailTicks : reference + trailTicks;
    }

    /** Keeps the stop order {@code id}, just placed at {@code stop}, trailing from now on. */
    void track(long id, int contract, Side side, long trailTicks, long reference, long stop, long now) {
        trails.add(new Trail(id, contract, side == Side.SELL, trailTicks, reference, stop, now));
    }

    boolean isEmpty() {
        return trails.isEmpty();
    }

    /** The market of {@code contract} moved to {@code reference}: stops it favours follow. */
    void onMarket(int contract, long reference, long now) {
        if (reference == PriceTicks.NONE) {
            return;
        }
        for (int i = 0; i < trails.size(); i++) {
            Trail t = trails.get(i);
            if (t.contract != contract) {
                continue;
            }
            if (t.sell ? reference > t.extreme : reference < t.extreme) {
                t.extreme = reference;
                t.wantedStop = stopBehind(t.sell ? Side.SELL : Side.BUY, reference, t.trailTicks);
            }
            send(t, now);
        }
    }

    /** Time passed: moves held back by the interval go out. */
    void onTime(long now) {
        for (int i = 0; i < trails.size(); i++) {
            send(trails.get(i), now);
        }
    }

    private void send(Trail t, long now) {
        long wait = Math.min(minIntervalNanos << Math.min(t.refusals, 6), MAX_RETRY_NANOS);
        if (t.wantedStop == t.sentStop || now - t.lastSentNanos < wait) {
            return;
        }
        // false while the gateway has not named the order yet, or a cancel is pending: tried again later
        if (router.modify(t.id, 0, PriceTicks.NONE, t.wantedStop)) {
            t.sentStop = t.wantedStop;
            t.lastSentNanos = now;
        }
    }

    /**
     * The gateway refused a move: the stop is where it last confirmed it, and the move is tried
     * again, each refusal in a row doubling the wait (so a stop the gateway will not take is not
     * sent every second, spending the request budget protective orders need).
     */
    void onModifyRejected(ManagedOrder order) {
        for (int i = 0; i < trails.size(); i++) {
            Trail t = trails.get(i);
            if (t.id == order.clientOrderId()) {
                t.sentStop = order.stopTicks();
                t.refusals++;
            }
        }
    }

    /** A finished order trails no more. */
    void onChanged(ManagedOrder order) {
        if (order.state().isTerminal() && !trails.isEmpty()) {
            trails.removeIf(t -> t.id == order.clientOrderId());
        }
    }
}
