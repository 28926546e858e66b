package io.tickflow.engine.core;

import java.util.ArrayList;
import java.util.List;

import io.tickflow.engine.order.ManagedOrder;

/**
 * What happened to a halted strategy's own orders while it heard nothing: the fills, in the
 * order they came, and the orders that changed, each once at its latest change. A strategy
 * that resumes is told these before any new event, so it never goes on believing that an order
 * cancelled or filled meanwhile (by a risk breach, a stand-down, its bracket legs) still works.
 * Bounded by the halted strategy's orders: it cannot place new ones, and an order's changes
 * collapse into one entry. Engine thread only.
 */
final class MissedWhileHalted {
    /** One missed callback: a fill of {@code order} if {@code fill}, else a change of it. */
    record Missed(ManagedOrder order, boolean fill, long tradeId, long size, long priceTicks) {
    }

    private final List<Missed> missed = new ArrayList<>();

    void orderChanged(ManagedOrder order) {
        missed.removeIf(m -> !m.fill && m.order == order);
        missed.add(new Missed(order, false, 0, 0, 0));
    }

    void filled(ManagedOrder order, long tradeId, long size, long priceTicks) {
        missed.add(new Missed(order, true, tradeId, size, priceTicks));
    }

    /** Missed callbacks not yet told (the strategy halted again while hearing them): they come before any since. */
    void putBack(List<Missed> earlier) {
        List<Missed> kept = new ArrayList<>();
        for (Missed m : earlier) {
            if (m.fill || missed.stream().noneMatch(later -> !later.fill && later.order == m.order)) {
                kept.add(m);
            }
        }
        missed.addAll(0, kept);
    }

    /** The missed callbacks in the order they happened, forgotten here. */
    List<Missed> drain() {
        List<Missed> drained = new ArrayList<>(missed);
        missed.clear();
        return drained;
    }
}
