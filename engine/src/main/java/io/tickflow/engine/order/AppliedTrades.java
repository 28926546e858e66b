package io.tickflow.engine.order;

import org.agrona.collections.LongHashSet;

/**
 * The gateway trade ids already applied, so a fill is applied once however often it arrives,
 * in bounded memory for sessions and backtests of any length. The last {@code capacity} ids
 * are remembered exactly; an id at or below the highest one forgotten is taken as applied —
 * the gateway numbers trades in increasing order, so such a fill is a very late duplicate
 * (a missed fill older than the whole window is corrected by position reconciliation).
 * Engine thread only; allocation-free once full.
 */
final class AppliedTrades {
    static final int DEFAULT_CAPACITY = 1 << 16;

    private final LongHashSet ids;
    private final long[] order;
    private int next;
    private boolean full;
    private long forgottenUpTo = Long.MIN_VALUE;

    AppliedTrades(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.ids = new LongHashSet(capacity * 2);
        this.order = new long[capacity];
    }

    /** Records {@code tradeId}; returns false if it was applied before (or is older than the window). */
    boolean add(long tradeId) {
        if (tradeId <= forgottenUpTo || !ids.add(tradeId)) {
            return false;
        }
        if (full) {
            long oldest = order[next];
            ids.remove(oldest);
            forgottenUpTo = Math.max(forgottenUpTo, oldest);
        }
        order[next] = tradeId;
        next++;
        if (next == order.length) {
            next = 0;
            full = true;
        }
        return true;
    }

    /** Whether {@code tradeId} counts as applied. */
    boolean contains(long tradeId) {
        return tradeId <= forgottenUpTo || ids.contains(tradeId);
    }
}
