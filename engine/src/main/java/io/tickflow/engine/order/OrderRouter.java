package io.tickflow.engine.order;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.position.PositionBook;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.time.Clock;

/**
 * Owns the life cycle of every order the engine places. Orders are keyed by the engine's
 * client order id (sent as customTag) and, once known, by the gateway's order id. Gateway
 * answers and user-hub events are applied idempotently and in any order:
 * <ul>
 *   <li>a fill or order update that arrives before the place acknowledgement is applied when
 *       the ids are linked (by the ack, or by an order update carrying our customTag);</li>
 *   <li>fills are keyed by the gateway's trade id and applied exactly once;</li>
 *   <li>terminal states never change, so a cancel acknowledgement after a fill, or a
 *       duplicated update, changes nothing;</li>
 *   <li>a placement with no answer within the command timeout becomes {@link OrderState#UNKNOWN}
 *       and is reported, never silently retried: it is resolved when the order is found again.</li>
 * </ul>
 * Every fill, ours or not, updates the account's position in the {@link PositionBook}.
 *
 * <p>Engine thread only. Applying market data allocates nothing; orders and fills are rare
 * and may allocate a little (the order record, map entries).
 */
public final class OrderRouter {
    private static final Logger LOG = LoggerFactory.getLogger(OrderRouter.class);

    private final ContractRegistry contracts;
    private final GatewayPort port;
    private final PositionBook positions;
    private final Clock clock;
    private final long commandTimeoutNanos;
    private final OrderListener listener;
    private final Long2ObjectHashMap<ManagedOrder> byClientId = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<ManagedOrder> byGatewayId = new Long2ObjectHashMap<>();
    private final AppliedTrades appliedTrades = new AppliedTrades(AppliedTrades.DEFAULT_CAPACITY);
    /** Fills whose order the router cannot name yet, by gateway order id: {tradeId, size, price, ts}. */
    private final Long2ObjectHashMap<List<long[]>> unmatchedFills = new Long2ObjectHashMap<>();
    private final List<ManagedOrder> awaitingAnswer = new ArrayList<>();
    /** Orders not yet finished, oldest first: the few that risk checks and flattening walk. */
    private final List<ManagedOrder> live = new ArrayList<>();
    private final LongHashSet openAtGateway = new LongHashSet();
    private UnknownOrderPolicy unknownOrders = UnknownOrderPolicy.ADOPT;
    private UnknownOrderPolicy orphanOrders = UnknownOrderPolicy.CANCEL;
    /** Client order ids an earlier session of this engine used (from its journal): [from, to). */
    private long earlierIdsFrom = Long.MAX_VALUE;
    private long earlierIdsTo = Long.MIN_VALUE;
    private boolean replaying;
    private volatile long orphansAdopted;
    private volatile long orphansCancelled;
    /** Gateway ids of orders not ours that a cancel was sent for: a repeated update does not cancel twice. */
    private final LongHashSet cancelledUnknown = new LongHashSet();
    private boolean syncing;
    private final List<String> unknownOrderActions = new ArrayList<>();
    private long firstIdOfSync;
    private long nextClientOrderId;
    /** Finished orders kept for late or duplicated events before they are forgotten, oldest first. */
    private final ArrayDeque<ManagedOrder> finished = new ArrayDeque<>();
    private static final int FINISHED_RETAINED = 8_192;

    /**
     * @param firstClientOrderId the first client order id to use; make it unique per run (e.g. from
     *                           the start time) so a restarted engine never reuses a customTag
     */
    public OrderRouter(ContractRegistry contracts, GatewayPort port, PositionBook positions, Clock clock,
                       long commandTimeoutNanos, long firstClientOrderId, OrderListener listener) {
        if (commandTimeoutNanos <= 0) {
            throw new IllegalArgumentException("command timeout must be positive, was " + commandTimeoutNanos);
        }
        this.contracts = contracts;
        this.port = port;
        this.positions = positions;
        this.clock = clock;
        this.commandTimeoutNanos = commandTimeoutNanos;
        this.nextClientOrderId = firstClientOrderId;
        this.listener = listener;
    }

    /** Sends a new order once; returns its client order id. */
    public long place(OrderRequest request) {
        if (request.contract() < 0 || request.contract() >= contracts.size()) {
            throw new IllegalArgumentException("unknown contract index " + request.contract());
        }
        long id = nextClientOrderId++;
        long now = clock.nanos();
        ManagedOrder order = new ManagedOrder(id, request, contracts.contract(request.contract()), now);
        order.deadline(now + commandTimeoutNanos);
        byClientId.put(id, order);
        live.add(order);
        awaitingAnswer.add(order);
        port.place(id, request);
        listener.onOrderChanged(order);
        return id;
    }

    /**
     * Records an order the engine refused before sending it (the risk gate's verdict): it is
     * REJECTED at once with {@code reason}, reported like any order, and never sent.
     */
    public long rejectLocally(OrderRequest request, String reason) {
        long id = nextClientOrderId++;
        long now = clock.nanos();
        ManagedOrder order = new ManagedOrder(id, request, contracts.contract(request.contract()), now);
        order.rejectReason(reason);
        order.moveTo(OrderState.REJECTED, now);
        byClientId.put(id, order);
        listener.onOrderChanged(order);
        retire(order);
        return id;
    }

    /** Live orders of the account, on every contract. */
    public int liveOrderCount(long accountId) {
        int count = 0;
        for (int i = 0; i < live.size(); i++) {
            // a finished order leaves the list once its listeners have heard it finish; it no longer counts
            if (live.get(i).accountId() == accountId && live.get(i).state().isLive()) {
                count++;
            }
        }
        return count;
    }

    /** Remaining size of the account's live orders on one side of one contract. */
    public long liveSize(long accountId, int contract, Side side) {
        return liveSize(accountId, contract, side, true);
    }

    /** Remaining size of the live orders on one side that no cancel has been asked for. */
    public long liveSizeNotCancelling(long accountId, int contract, Side side) {
        return liveSize(accountId, contract, side, false);
    }

    private long liveSize(long accountId, int contract, Side side, boolean cancelling) {
        long size = 0;
        for (int i = 0; i < live.size(); i++) {
            ManagedOrder order = live.get(i);
            boolean counted = cancelling || !order.cancelWanted() && order.state() != OrderState.PENDING_CANCEL;
            if (order.accountId() == accountId && order.request().contract() == contract && order.side() == side
                    && order.state().isLive() && counted) {
                size += order.remaining();
            }
        }
        return size;
    }

    /**
     * Asks to cancel a live order. Before the gateway has named the order, the cancel is sent
     * as soon as it does.
     *
     * @return false if the order is unknown or already terminal
     */
    public boolean cancel(long clientOrderId) {
        ManagedOrder order = byClientId.get(clientOrderId);
        if (order == null || order.state().isTerminal() || order.state() == OrderState.PENDING_CANCEL) {
            return false;
        }
        order.askCancel();
        if (order.gatewayOrderId() != 0) {
            sendCancel(order);
        }
        return true;
    }

    private void sendCancel(ManagedOrder order) {
        order.cancelWanted(false);
        if (order.moveTo(OrderState.PENDING_CANCEL, clock.nanos())) {
            port.cancel(order.clientOrderId(), order.accountId(), order.gatewayOrderId());
            listener.onOrderChanged(order);
        }
    }

    /**
     * Asks to change a working order's size or prices ({@code 0} / {@code PriceTicks.NONE}
     * leave a field as it is). The order keeps its state; the gateway's order update tells
     * the outcome.
     *
     * @return false if the order is unknown, finished, or not yet named by the gateway
     */
    public boolean modify(long clientOrderId, long size, long limitTicks, long stopTicks) {
        ManagedOrder order = byClientId.get(clientOrderId);
        if (order == null || order.state().isTerminal() || order.gatewayOrderId() == 0
                || order.state() == OrderState.PENDING_CANCEL) {
            return false;
        }
        if (size < 0 || (size > 0 && size < order.filledSize())) {
            throw new IllegalArgumentException("cannot modify order " + clientOrderId + " to size " + size
                    + " with " + order.filledSize() + " already filled");
        }
        port.modify(clientOrderId, order.accountId(), order.gatewayOrderId(), order.request().contract(), size,
                limitTicks, stopTicks);
        return true;
    }

    /** Client ids of the live orders of {@code accountId} on contract index {@code contract}, oldest first. */
    public List<Long> liveOrders(long accountId, int contract) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            ManagedOrder order = live.get(i);
            if (order.accountId() == accountId && order.request().contract() == contract && order.state().isLive()) {
                ids.add(order.clientOrderId());
            }
        }
        return ids;
    }

    /** The order with this client id, or null. */
    public ManagedOrder order(long clientOrderId) {
        return byClientId.get(clientOrderId);
    }

    // ---- inbound (engine thread) ----

    /** A COMMAND_ACK or COMMAND_REJECT event. */
    public void onCommandResult(InboundEvent e, boolean accepted) {
        ManagedOrder order = byClientId.get(e.clientOrderId);
        if (order == null) {
            if (replaying || e.clientOrderId == 0) {
                // an earlier session's answers, or the answer to cancelling an order this engine did not place
                return;
            }
            LOG.warn("answer to a command for an order this engine does not know: {}", e);
            return;
        }
        if (e.command == CommandKind.PLACE) {
            if (accepted) {
                // linked first, so whoever hears of the state change can already address the order
                link(order, e.gatewayOrderId, e.tsEvent);
                if (order.state() == OrderState.SUBMITTED || order.state() == OrderState.UNKNOWN) {
                    move(order, OrderState.WORKING, e.tsEvent);
                }
            } else if (e.errorCode == CommandResultTranslator.NO_ANSWER) {
                move(order, OrderState.UNKNOWN, e.tsEvent);
            } else {
                LOG.info("order {} rejected: {} (error {})", order.clientOrderId(), e.text, e.errorCode);
                order.rejectReason("gateway error " + e.errorCode + ": " + e.text);
                move(order, OrderState.REJECTED, e.tsEvent);
            }
            awaitingAnswer.remove(order);
        } else if (e.command == CommandKind.MODIFY && !accepted) {
            LOG.info("modify of order {} rejected: {} (error {})", order.clientOrderId(), e.text, e.errorCode);
            if (order.state().isLive()) {
                listener.onCommandRejected(order, false, refusal(e));
            }
        } else if (e.command == CommandKind.CANCEL && !accepted && order.state() == OrderState.PENDING_CANCEL) {
            LOG.info("cancel of order {} rejected: {}", order.clientOrderId(), e.text);
            move(order, order.filledSize() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.WORKING, e.tsEvent);
            listener.onCommandRejected(order, true, refusal(e));
        }
    }

    private static String refusal(InboundEvent e) {
        return e.errorCode == CommandResultTranslator.NO_ANSWER ? "no answer in time: " + e.text
                : "gateway error " + e.errorCode + ": " + e.text;
    }

    /** An ORDER_UPDATE event: the gateway's view of one order. */
    public void onOrderUpdate(InboundEvent e) {
        ManagedOrder order = e.gatewayOrderId != 0 ? byGatewayId.get(e.gatewayOrderId) : null;
        if (order == null && e.clientOrderId != 0) {
            order = byClientId.get(e.clientOrderId);
            if (order != null) {
                link(order, e.gatewayOrderId, e.tsEvent);
            }
        }
        boolean liveAtGateway = e.orderStatus != null && !e.orderStatus.isTerminal();
        if (syncing && liveAtGateway) {
            openAtGateway.add(e.gatewayOrderId);
        }
        if (order == null) {
            // while replaying the journal an order of an earlier session is history: what is still working
            // at the gateway is decided by the first live reconciliation
            if (liveAtGateway && e.gatewayOrderId != 0 && !replaying) {
                onUnknownOrder(e);
            }
            return;
        }
        boolean amended = !order.state().isTerminal() && order.amend(e.size, e.limitTicks, e.stopTicks, e.tsEvent);
        // a FILLED update whose source gives no fill volume still means the whole order filled
        order.reportFilled(e.orderStatus == OrderStatus.FILLED ? Math.max(e.filledSize, order.size()) : e.filledSize);
        OrderState next = fromGateway(e.orderStatus, order, e.filledSize);
        if (!(next != null && move(order, next, e.tsEvent)) && amended) {
            listener.onOrderChanged(order);
        }
        if (order.state() != OrderState.SUBMITTED && order.state() != OrderState.UNKNOWN) {
            awaitingAnswer.remove(order);
        }
    }

    private static OrderState fromGateway(OrderStatus status, ManagedOrder order, long gatewayFilled) {
        if (status == null) {
            return null;
        }
        switch (status) {
            case OPEN:
            case SUSPENDED:
                if (order.state() == OrderState.PENDING_CANCEL) {
                    return null;
                }
                return gatewayFilled > 0 || order.filledSize() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.WORKING;
            case FILLED:
                return OrderState.FILLED;
            case CANCELLED:
                return OrderState.CANCELLED;
            case EXPIRED:
                return OrderState.EXPIRED;
            case REJECTED:
                return OrderState.REJECTED;
            case PENDING_CANCELLATION:
                return OrderState.PENDING_CANCEL;
            default:
                return null;
        }
    }

    /** Sets what happens to working orders at the gateway that this engine did not place. */
    public void unknownOrderPolicy(UnknownOrderPolicy policy) {
        this.unknownOrders = policy;
    }

    /**
     * Sets what happens to orphans: orders still working at the gateway that an earlier
     * session of this engine placed (their customTag is a client order id in
     * {@code [fromId, toId)}, the ids its journal shows it used) and that no strategy of this
     * session owns. CANCEL by default.
     */
    public void orphanPolicy(UnknownOrderPolicy policy, long fromId, long toId) {
        this.orphanOrders = policy;
        this.earlierIdsFrom = fromId;
        this.earlierIdsTo = toId;
    }

    /**
     * While on, the router is being fed its journal: an earlier session's orders and answers
     * are history and nothing is adopted or cancelled for them (fills still count, once each).
     */
    public void replaying(boolean on) {
        this.replaying = on;
    }

    /** Orphans adopted so far (any thread). */
    public long orphansAdopted() {
        return orphansAdopted;
    }

    /** Orphans cancelled so far (any thread). */
    public long orphansCancelled() {
        return orphansCancelled;
    }

    private void onUnknownOrder(InboundEvent e) {
        if (e.contract < 0 || e.contract >= contracts.size() || e.side == null || e.orderType == null || e.size <= 0) {
            LOG.error("unknown working order {} at the gateway cannot be understood: {}", e.gatewayOrderId, e);
            return;
        }
        boolean orphan = e.clientOrderId >= earlierIdsFrom && e.clientOrderId < earlierIdsTo;
        String what = orphan ? "orphaned order " + e.gatewayOrderId + " (customTag " + e.clientOrderId
                + ", placed before a restart)" : "unknown working order " + e.gatewayOrderId + " at the gateway";
        if ((orphan ? orphanOrders : unknownOrders) == UnknownOrderPolicy.CANCEL) {
            if (!cancelledUnknown.add(e.gatewayOrderId)) {
                return;
            }
            LOG.warn("cancelling {}", what);
            port.cancel(0, e.accountId, e.gatewayOrderId);
            unknownOrderActions.add(what + ": cancelled");
            if (orphan) {
                orphansCancelled++;
            }
            return;
        }
        OrderRequest request = new OrderRequest(e.accountId, e.contract, e.orderType, e.side, e.size,
                e.limitTicks, e.stopTicks, 0);
        long id = nextClientOrderId++;
        ManagedOrder order = new ManagedOrder(id, request, contracts.contract(e.contract), e.tsEvent);
        order.moveTo(e.filledSize > 0 ? OrderState.PARTIALLY_FILLED : OrderState.WORKING, e.tsEvent);
        byClientId.put(id, order);
        live.add(order);
        link(order, e.gatewayOrderId, e.tsEvent);
        LOG.warn("adopted {} as {}", what, order);
        unknownOrderActions.add(what + ": adopted as order " + id);
        if (orphan) {
            orphansAdopted++;
        }
        listener.onOrderChanged(order);
    }

    /** A (re)connect: the gateway's snapshot of open orders, positions and trades follows. */
    public void beginSync() {
        syncing = true;
        openAtGateway.clear();
        firstIdOfSync = nextClientOrderId;
    }

    /**
     * The snapshot is complete: a local live order the gateway does not have open ended while
     * the connection was down (CANCELLED), or, if it was never acknowledged, never reached the
     * gateway (REJECTED). Fills in the snapshot were already applied, once per trade id.
     * Unknown working orders adopted or cancelled since the last sync are reported too.
     *
     * @return descriptions of the corrections made
     */
    public List<String> endSync() {
        syncing = false;
        List<String> corrections = new ArrayList<>(unknownOrderActions);
        unknownOrderActions.clear();
        long now = clock.nanos();
        for (ManagedOrder order : new ArrayList<>(live)) {
            boolean placedDuringSync = order.clientOrderId() >= firstIdOfSync;
            // a placement still within its command timeout may be on its way: its answer settles it
            boolean answerDue = order.state() == OrderState.SUBMITTED;
            if (placedDuringSync || answerDue
                    || (order.gatewayOrderId() != 0 && openAtGateway.contains(order.gatewayOrderId()))) {
                continue;
            }
            boolean reached = order.gatewayOrderId() != 0;
            order.rejectReason(reached ? "" : "not found at the gateway after reconnect");
            move(order, reached ? OrderState.CANCELLED : OrderState.REJECTED, now);
            awaitingAnswer.remove(order);
            corrections.add("order " + order.clientOrderId() + (reached
                    ? " is no longer open at the gateway: CANCELLED" : " never reached the gateway: REJECTED"));
        }
        return corrections;
    }

    /** A FILL event: applied to the position once per trade id, and to its order when the order is known. */
    public void onFill(InboundEvent e) {
        if (e.voided || !appliedTrades.add(e.tradeId)) {
            return;
        }
        if (e.contract < 0 || e.contract >= contracts.size() || e.side == null || e.size <= 0
                || e.priceTicks == PriceTicks.NONE) {
            LOG.error("fill {} cannot be applied: {}", e.tradeId, e);
            return;
        }
        positions.applyFill(e.accountId, e.contract, e.side, e.size, e.priceTicks);
        ManagedOrder order = byGatewayId.get(e.gatewayOrderId);
        if (order == null) {
            unmatchedFills.computeIfAbsent(e.gatewayOrderId, k -> new ArrayList<>())
                    .add(new long[] {e.tradeId, e.size, e.priceTicks, e.tsEvent});
            return;
        }
        applyFill(order, e.tradeId, e.size, e.priceTicks, e.tsEvent);
    }

    private void applyFill(ManagedOrder order, long tradeId, long size, long price, long ts) {
        order.addFill(size, price, ts);
        order.moveTo(order.filledSize() >= order.size() ? OrderState.FILLED : OrderState.PARTIALLY_FILLED, ts);
        awaitingAnswer.remove(order);
        listener.onOrderFilled(order, tradeId, size, price);
        listener.onOrderChanged(order);
        retire(order);
    }

    /** Time passed: placements with no answer past their deadline become UNKNOWN and are reported. */
    public void onTime(long now) {
        for (int i = awaitingAnswer.size() - 1; i >= 0; i--) {
            ManagedOrder order = awaitingAnswer.get(i);
            if (now >= order.deadline() && order.state() == OrderState.SUBMITTED) {
                LOG.warn("no answer to placing order {} within {} ms: state UNKNOWN until found by its customTag",
                        order.clientOrderId(), commandTimeoutNanos / 1_000_000);
                awaitingAnswer.remove(i);
                move(order, OrderState.UNKNOWN, now);
            }
        }
    }

    private void link(ManagedOrder order, long gatewayOrderId, long ts) {
        if (gatewayOrderId == 0 || order.gatewayOrderId() == gatewayOrderId) {
            return;
        }
        order.gatewayOrderId(gatewayOrderId);
        byGatewayId.put(gatewayOrderId, order);
        List<long[]> waiting = unmatchedFills.remove(gatewayOrderId);
        if (waiting != null) {
            for (long[] fill : waiting) {
                applyFill(order, fill[0], fill[1], fill[2], fill[3]);
            }
        }
        if (order.cancelWanted()) {
            sendCancel(order);
        }
    }

    private boolean move(ManagedOrder order, OrderState next, long ts) {
        if (!order.moveTo(next, ts)) {
            return false;
        }
        listener.onOrderChanged(order);
        retire(order);
        return true;
    }

    /** Keeps a finished order for a while (late events still find it), then forgets it so memory stays bounded. */
    private void retire(ManagedOrder order) {
        if (!order.state().isTerminal() || !order.retire()) {
            return;
        }
        live.remove(order);
        finished.addLast(order);
        if (finished.size() > FINISHED_RETAINED) {
            ManagedOrder oldest = finished.removeFirst();
            byClientId.remove(oldest.clientOrderId());
            if (oldest.gatewayOrderId() != 0) {
                byGatewayId.remove(oldest.gatewayOrderId());
            }
            listener.onOrderForgotten(oldest);
        }
    }
}
