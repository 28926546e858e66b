package io.tickflow.engine.core;

import org.agrona.collections.Long2LongHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.order.OrderRouter;
import io.tickflow.engine.position.PositionBook;

/**
 * The close-outs the engine forces on an account that must be flat — halted by a loss-rule
 * breach, or past its trading window — and their follow-up. Such a close-out goes straight to
 * the router (no rule may refuse it) for what the position will hold once the close-outs
 * already on their way (any path's, {@link CloseOuts}) have filled; if the account still
 * would hold a position — a close-out was rejected, or a late fill of an order cancelled too
 * late reopened it — another is sent, with an alarm, at most once a second per account, until
 * it is flat. Engine thread only.
 */
final class ForcedFlatten {
    private static final Logger LOG = LoggerFactory.getLogger(ForcedFlatten.class);
    private static final long RETRY_INTERVAL_NANOS = 1_000_000_000L;
    private static final long NEVER = Long.MIN_VALUE;

    private final OrderRouter router;
    private final PositionBook positions;
    private final CloseOuts closeOuts;
    private final int contracts;
    /** When a close-out was last sent, per account. */
    private final Long2LongHashMap lastSent = new Long2LongHashMap(NEVER);

    ForcedFlatten(OrderRouter router, PositionBook positions, CloseOuts closeOuts, int contracts) {
        this.router = router;
        this.positions = positions;
        this.closeOuts = closeOuts;
        this.contracts = contracts;
    }

    /** Closes at market what the account's position in the contract will hold once the close-outs on their way fill. */
    void close(long account, int contract, long now) {
        long left = left(account, contract);
        if (left == 0) {
            return;
        }
        OrderRequest close = OrderRequest.market(account, contract, left > 0 ? Side.SELL : Side.BUY, Math.abs(left));
        closeOuts.place(() -> router.place(close));
        lastSent.put(account, now);
    }

    /** The account must be flat at {@code now}: sends again what failed close-outs left open. */
    void enforce(long account, long now) {
        long last = lastSent.get(account);
        if (last != NEVER && now - last < RETRY_INTERVAL_NANOS) {
            return;
        }
        for (int c = 0; c < contracts; c++) {
            long left = left(account, c);
            if (left != 0) {
                LOG.error("account {} must be flat but would still hold {} of contract {} once its close-outs on "
                        + "their way fill (one was refused, or a late fill reopened it): closing it at market again",
                        account, left, c);
                close(account, c, now);
            }
        }
    }

    private long left(long account, int contract) {
        return positions.position(account, contract).net() + closeOuts.coming(account, contract);
    }
}
