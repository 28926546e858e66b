package io.tickflow.engine.core;

import org.agrona.collections.Long2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.order.OrderRouter;
import io.tickflow.engine.order.OrderState;

/**
 * Engine-emulated brackets and OCO pairs (the default on ProjectX: it works on accounts with
 * "Position Brackets" enabled and keeps every leg visible to reconciliation).
 *
 * <ul>
 *   <li><b>Bracket</b>: when the entry fills, even partly, a stop-loss (stop) and a
 *       take-profit (limit) on the other side are placed for the filled size, at
 *       {@code stopLossTicks} and {@code takeProfitTicks} from the entry's first fill price;
 *       further entry fills grow both legs to the filled size.</li>
 *   <li><b>Siblings</b> (the two legs of a bracket, or an OCO pair): each is kept sized to what
 *       is still open — when one fills, even partly, the other shrinks by as much, and once
 *       nothing is open the other is cancelled, as is what is left of a bracket's entry. A leg
 *       not yet acknowledged is sized as soon as the gateway names it.</li>
 *   <li>A protective leg the gateway rejects leaves a position unprotected: that is an alarm.
 *       The position is flattened at market and the failure logged; the strategy sees the
 *       rejected leg through {@code onOrder}.</li>
 * </ul>
 * Engine thread only.
 */
final class BracketBook {
    private static final Logger LOG = LoggerFactory.getLogger(BracketBook.class);

    /** One bracket or OCO pair. */
    private static final class Group {
        final StrategyHost owner;
        final long entryId;
        /** Distances in ticks from the entry's first fill, or, if {@link #atPrices}, the legs' prices. */
        final long stopLossTicks;
        final long takeProfitTicks;
        final boolean atPrices;
        long firstLegId;
        long secondLegId;
        long levelTicks = PriceTicks.NONE;
        long protectedSize;
        /** A leg could no longer protect the position and what was open was closed: the group does nothing more. */
        boolean abandoned;
        /** The size last asked of each leg by a resize not yet confirmed, or 0. */
        long firstWanted;
        long secondWanted;
        /** A leg could not be sized yet (the gateway had not named it): size it once it is. */
        boolean resizePending;
        /** Contracts the legs filled beyond the entry (both filled before the engine could react), closed since. */
        long overfillClosed;

        Group(StrategyHost owner, long entryId, long stopLossTicks, long takeProfitTicks, boolean atPrices) {
            this.owner = owner;
            this.entryId = entryId;
            this.stopLossTicks = stopLossTicks;
            this.takeProfitTicks = takeProfitTicks;
            this.atPrices = atPrices;
        }

        /** What the leg is, or is about to be, sized to. */
        long sizeOf(ManagedOrder leg) {
            long wanted = leg.clientOrderId() == firstLegId ? firstWanted : secondWanted;
            return wanted != 0 && wanted != leg.size() ? wanted : leg.size();
        }

        void wanted(long legId, long size) {
            if (legId == firstLegId) {
                firstWanted = size;
            } else {
                secondWanted = size;
            }
        }

        long sibling(long legId) {
            return legId == firstLegId ? secondLegId : firstLegId;
        }
    }

    private final OrderRouter router;
    private final Long2ObjectHashMap<Group> byEntry = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Group> byLeg = new Long2ObjectHashMap<>();
    private final Placer placer;

    /** Places orders for a strategy through the desk, so they are owned and reported like any other. */
    interface Placer {
        /** A protective leg, through the risk gate's rules for one (all but the price band). */
        long place(StrategyHost owner, OrderRequest request);

        /**
         * A market close past the risk gate, which must not refuse it: a position left
         * unprotected or overfilled. Never more than takes the position to flat, counting the
         * close-outs already on their way.
         */
        void close(StrategyHost owner, OrderRequest request);
    }

    BracketBook(OrderRouter router, Placer placer) {
        this.router = router;
        this.placer = placer;
    }

    /** Registers a bracket whose entry order has been placed. */
    void bracket(StrategyHost owner, long entryId, long stopLossTicks, long takeProfitTicks) {
        byEntry.put(entryId, new Group(owner, entryId, stopLossTicks, takeProfitTicks, false));
    }

    /** Registers a bracket whose legs go at fixed prices, whatever the entry's fill price. */
    void bracketAtPrices(StrategyHost owner, long entryId, long stopLossPriceTicks, long takeProfitPriceTicks) {
        byEntry.put(entryId, new Group(owner, entryId, stopLossPriceTicks, takeProfitPriceTicks, true));
    }

    /** Registers an OCO pair: two placed orders of which only one may fill. */
    void oco(StrategyHost owner, long firstId, long secondId) {
        Group group = new Group(owner, 0, 0, 0, false);
        group.firstLegId = firstId;
        group.secondLegId = secondId;
        group.protectedSize = router.order(firstId).size();
        byLeg.put(firstId, group);
        byLeg.put(secondId, group);
    }

    /** A fill of any order: places or fits bracket legs after an entry fill, fits or cancels siblings after a leg fill. */
    void onFilled(ManagedOrder order, long size, long priceTicks) {
        Group entry = byEntry.get(order.clientOrderId());
        if (entry != null && entry.abandoned) {
            // the bracket gave up protecting and closed what was open; this fill beat the entry's cancel
            LOG.error("bracket entry {} filled {} more after its protection failed; closing them at market",
                    order.clientOrderId(), size);
            placer.close(entry.owner, OrderRequest.market(order.accountId(), order.request().contract(),
                    order.side().opposite(), size));
            return;
        }
        if (entry != null) {
            protect(entry, order, priceTicks);
        }
        Group pair = byLeg.get(order.clientOrderId());
        if (pair != null) {
            fitLegs(pair);
        }
    }

    private void protect(Group g, ManagedOrder entry, long fillPrice) {
        long filled = entry.filledSize();
        if (g.firstLegId != 0) {
            g.protectedSize = filled;
            fitLegs(g);
            return;
        }
        Side exit = entry.side().opposite();
        int contract = entry.request().contract();
        g.levelTicks = fillPrice;
        int sign = entry.side().sign();
        long stop = g.atPrices ? g.stopLossTicks : fillPrice - sign * g.stopLossTicks;
        long target = g.atPrices ? g.takeProfitTicks : fillPrice + sign * g.takeProfitTicks;
        g.firstLegId = placer.place(g.owner, OrderRequest.stop(entry.accountId(), contract, exit, filled, stop));
        g.secondLegId = placer.place(g.owner, OrderRequest.limit(entry.accountId(), contract, exit, filled, target));
        g.protectedSize = filled;
        byLeg.put(g.firstLegId, g);
        byLeg.put(g.secondLegId, g);
        checkLeg(g, g.firstLegId);
        checkLeg(g, g.secondLegId);
    }

    /**
     * Sizes both legs to what is still open — the entry's filled size (a bracket) or the pair's
     * size (an OCO pair), less what the legs have filled — so each alone closes exactly that;
     * with nothing open, what still works of the group (legs, and a bracket's entry) is
     * cancelled. A leg the gateway has not named yet is sized once it is.
     */
    private void fitLegs(Group g) {
        g.resizePending = false;
        if (g.abandoned) {
            return;
        }
        ManagedOrder first = router.order(g.firstLegId);
        ManagedOrder second = router.order(g.secondLegId);
        if (first == null || second == null) {
            return;
        }
        long open = g.protectedSize - first.filledSize() - second.filledSize();
        if (open > 0 && g.entryId != 0 && (filledWhole(first) || filledWhole(second))) {
            // a leg filled whole while the entry's last fills were on their way: one leg cannot protect the rest
            ManagedOrder filled = filledWhole(first) ? first : second;
            unprotected(g, filled, "filled while the entry was still filling");
            return;
        }
        if (open <= 0) {
            if (g.entryId != 0) {
                // the position is closed: whatever of the entry still works must not reopen it unprotected
                router.cancel(g.entryId);
            }
            closeOverfill(g, first, -open);
        }
        for (ManagedOrder leg : new ManagedOrder[] {first, second}) {
            long target = leg.filledSize() + open;
            // compared with a resize still on its way too, so a smaller one asked since is not lost
            if (leg.state().isTerminal() || g.sizeOf(leg) == target) {
                continue;
            }
            if (open <= 0) {
                router.cancel(leg.clientOrderId());
            } else if (leg.gatewayOrderId() == 0) {
                g.resizePending = true;
            } else if (router.modify(leg.clientOrderId(), target, PriceTicks.NONE, PriceTicks.NONE)) {
                g.wanted(leg.clientOrderId(), target);
            }
        }
    }

    /**
     * Both legs of a bracket or an OCO pair can fill on the same market event, before the engine
     * can cancel one: the excess is a position nobody asked for, closed at market and logged as
     * an alarm.
     */
    private void closeOverfill(Group g, ManagedOrder leg, long overfilled) {
        long excess = overfilled - g.overfillClosed;
        if (excess <= 0) {
            return;
        }
        g.overfillClosed += excess;
        if (g.entryId != 0) {
            LOG.error("both legs of bracket entry {} filled: {} contract(s) beyond the entry, closing them at market",
                    g.entryId, excess);
        } else {
            LOG.error("both orders of OCO pair {} / {} filled: {} contract(s) beyond the pair's size, closing them at "
                    + "market", g.firstLegId, g.secondLegId, excess);
        }
        // like the flatten of an unprotected position, it must not be refused; the strategy hears its fill
        placer.close(g.owner, OrderRequest.market(leg.accountId(), leg.request().contract(), leg.side().opposite(),
                excess));
    }

    /** A leg refused at once (by the risk gate) is an unprotected position. */
    private void checkLeg(Group g, long legId) {
        ManagedOrder leg = router.order(legId);
        if (leg != null && leg.state() == OrderState.REJECTED) {
            unprotected(g, leg, "was rejected (" + leg.rejectReason() + ")");
        }
    }

    /** A resize of a leg was refused: it stays at the size the gateway confirmed, which the next fit starts from. */
    void onModifyRejected(ManagedOrder order) {
        Group g = byLeg.get(order.clientOrderId());
        if (g != null) {
            g.wanted(order.clientOrderId(), 0);
        }
    }

    /**
     * Any order changed: a protective leg rejected, or a stop-loss cancelled or expired by the
     * gateway with no one asking while its position is open, triggers the alarm (a take-profit
     * ended so only warns: the stop-loss still protects); a finished group is forgotten.
     */
    void onChanged(ManagedOrder order) {
        Group g = byLeg.get(order.clientOrderId());
        if (g != null && g.resizePending && order.gatewayOrderId() != 0) {
            fitLegs(g);
        }
        if (g != null && g.entryId != 0 && order.state() == OrderState.REJECTED) {
            unprotected(g, order, "was rejected (" + order.rejectReason() + ")");
        } else if (g != null && g.entryId != 0 && !order.cancelAsked() && open(g) > 0
                && (order.state() == OrderState.CANCELLED || order.state() == OrderState.EXPIRED)) {
            if (order.clientOrderId() == g.firstLegId) {
                unprotected(g, order, "ended " + order.state() + " at the gateway");
            } else {
                LOG.warn("take-profit {} of bracket entry {} ended {} at the gateway; the stop-loss still protects "
                        + "the position", order.clientOrderId(), g.entryId, order.state());
            }
        }
        if (order.state().isTerminal()) {
            Group group = g != null ? g : byEntry.get(order.clientOrderId());
            if (group != null && finished(group.entryId) && finished(group.firstLegId) && finished(group.secondLegId)) {
                byEntry.remove(group.entryId);
                byLeg.remove(group.firstLegId);
                byLeg.remove(group.secondLegId);
            }
        }
    }

    /**
     * Whether an order of a group can do nothing more: gone from the router, or finished with
     * every fill the gateway reported for it applied. An entry whose FILLED (or CANCELLED)
     * update overtook its trades is not finished: those trades still have to place its legs.
     */
    private boolean finished(long clientOrderId) {
        if (clientOrderId == 0) {
            return true;
        }
        ManagedOrder order = router.order(clientOrderId);
        return order == null || order.state().isTerminal() && !order.awaitsFills();
    }

    /** Filled, and every fill the gateway reported for it applied (a FILLED update can overtake its trades). */
    private static boolean filledWhole(ManagedOrder leg) {
        return leg.state() == OrderState.FILLED && !leg.awaitsFills();
    }

    /** What the group's position still holds: the protected size less what the legs have filled. */
    private long open(Group g) {
        ManagedOrder first = router.order(g.firstLegId);
        ManagedOrder second = router.order(g.secondLegId);
        return g.protectedSize - (first == null ? 0 : first.filledSize()) - (second == null ? 0 : second.filledSize());
    }

    /**
     * A leg can no longer protect the position — refused, ended at the gateway, or outrun by
     * the entry's fills: the other leg and the entry's rest are cancelled and what is open is
     * closed at market, with an alarm.
     */
    private void unprotected(Group g, ManagedOrder leg, String what) {
        byLeg.remove(leg.clientOrderId());
        if (g.abandoned) {
            // both legs refused: the first refusal already closed what was open
            return;
        }
        g.abandoned = true;
        long open = open(g);
        LOG.error("protective {} {} of bracket entry {} {}; flattening the {} unprotected contract(s)",
                leg.type() == OrderType.STOP ? "stop-loss" : "take-profit", leg.clientOrderId(), g.entryId, what,
                Math.max(open, 0));
        router.cancel(g.sibling(leg.clientOrderId()));
        ManagedOrder entry = router.order(g.entryId);
        if (entry != null) {
            router.cancel(g.entryId);
            if (open > 0) {
                // the flatten of an unprotected position must not be refused; the strategy hears its fill
                placer.close(g.owner, OrderRequest.market(entry.accountId(), entry.request().contract(),
                        entry.side().opposite(), open));
            }
        }
    }
}
