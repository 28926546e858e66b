package io.tickflow.engine.core;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.order.OrderRouter;
import io.tickflow.engine.position.PositionBook;

/**
 * The close-outs the engine forces on an account that must be flat — halted by a loss-rule
 * breach, or past its trading window — and their follow-up. Such a close-out goes straight to
 * the router (no rule may refuse it) and is kept while it is live; if the account still holds
 * a position while none of them is live — the market order was rejected, or a late fill of an
 * order cancelled too late reopened the position — another is sent, with an alarm, at most once
 * a second per account, until it is flat. One that is live (even UNKNOWN, awaiting an answer)
 * is never sent again. Engine thread only.
 */
final class ForcedFlatten {
    private static final Logger LOG = LoggerFactory.getLogger(ForcedFlatten.class);
    private static final long RETRY_INTERVAL_NANOS = 1_000_000_000L;

    private final OrderRouter router;
    private final PositionBook positions;
    private final int contracts;
    private final LongHashSet live = new LongHashSet();
    private static final long NEVER = Long.MIN_VALUE;
    /** When a close-out was last sent, per account. */
    private final Long2LongHashMap lastSent = new Long2LongHashMap(NEVER);

    ForcedFlatten(OrderRouter router, PositionBook positions, int contracts) {
        this.router = router;
        this.positions = positions;
        this.contracts = contracts;
    }

    /** Closes the account's position in the contract at market, if it has one. */
    void close(long account, int contract, long now) {
        long net = positions.position(account, contract).net();
        if (net == 0) {
            return;
        }
        long id = router.place(OrderRequest.market(account, contract, net > 0 ? Side.SELL : Side.BUY, Math.abs(net)));
        ManagedOrder order = router.order(id);
        if (order != null && order.state().isLive()) {
            live.add(id);
        }
        lastSent.put(account, now);
    }

    /** The account must be flat at {@code now}: sends again what a failed close-out left open. */
    void enforce(long account, long now) {
        long last = lastSent.get(account);
        if (last != NEVER && now - last < RETRY_INTERVAL_NANOS) {
            return;
        }
        for (int c = 0; c < contracts; c++) {
            long net = positions.position(account, c).net();
            if (net != 0 && !closing(account, c)) {
                LOG.error("account {} must be flat but still holds {} of contract {} with no close-out working "
                        + "(refused, or reopened by a late fill): closing it at market again", account, net, c);
                close(account, c, now);
            }
        }
    }

    private boolean closing(long account, int contract) {
        for (long id : router.liveOrders(account, contract)) {
            if (live.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** An order changed: a finished close-out no longer counts as on its way. */
    void onChanged(ManagedOrder order) {
        if (order.state().isTerminal()) {
            live.remove(order.clientOrderId());
        }
    }
}
