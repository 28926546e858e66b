package io.tickflow.engine.core;

import java.util.function.LongSupplier;

import org.agrona.collections.LongHashSet;

import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.order.OrderRouter;

/**
 * Every market order sent to close a position — a strategy's flatten or reverse, a bracket's
 * forced close, a close-out the risk gate forces — while any of it can still reach the
 * position: live, or finished with fills the gateway reported whose trades have not arrived.
 * Each path that closes counts what the others have on the way, so two of them never close the
 * same contracts twice. Engine thread only.
 */
final class CloseOuts {
    private final OrderRouter router;
    private final LongHashSet ids = new LongHashSet();
    private boolean placing;
    private long placed;

    CloseOuts(OrderRouter router) {
        this.router = router;
    }

    /**
     * Places a close-out: it counts from the moment the router reports it, before any strategy
     * hears of it (one that flattens from {@code onOrder} would otherwise not see it coming and
     * send another), and is kept unless it ended at once with nothing to come (refused).
     *
     * @return the close-out's client order id
     */
    long place(LongSupplier placement) {
        placing = true;
        long id;
        try {
            id = placement.getAsLong();
        } finally {
            placing = false;
            placed = 0;
        }
        ManagedOrder order = router.order(id);
        if (order == null || stillToCome(order) == 0) {
            ids.remove(id);
        }
        return id;
    }

    /** The router reports an order: the first one reported while a close-out is placed is that close-out. */
    void onReported(ManagedOrder order) {
        if (placing && placed == 0) {
            placed = order.clientOrderId();
            ids.add(placed);
        }
    }

    boolean contains(long clientOrderId) {
        return ids.contains(clientOrderId);
    }

    /** Signed contracts the close-outs on their way will still add to the account's position in the contract. */
    long coming(long accountId, int contract) {
        long coming = 0;
        LongHashSet.LongIterator it = ids.iterator();
        while (it.hasNext()) {
            ManagedOrder order = router.order(it.nextValue());
            if (order == null) {
                it.remove();
            } else if (order.accountId() == accountId && order.request().contract() == contract) {
                coming += order.side().sign() * stillToCome(order);
            }
        }
        return coming;
    }

    /** An order changed: a close-out with nothing more to come is forgotten. */
    void onChanged(ManagedOrder order) {
        if (!placing && ids.contains(order.clientOrderId()) && stillToCome(order) == 0) {
            ids.remove(order.clientOrderId());
        }
    }

    /** What of the order can still fill into the position: its rest while live, its reported but unseen fills after. */
    private static long stillToCome(ManagedOrder order) {
        return order.state().isLive() ? order.remaining() : order.awaitsFills() ? order.unseenFills() : 0;
    }
}
