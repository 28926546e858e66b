package io.tickflow.engine.order;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.OrderView;

/**
 * The router's record of one order: the request, both ids, the life-cycle state, and the
 * fills applied so far. Written only by the {@link OrderRouter} on the engine thread;
 * strategies see it as an {@link OrderView}.
 */
public final class ManagedOrder implements OrderView {
    private final long clientOrderId;
    private final OrderRequest request;
    private final Contract contract;
    private long gatewayOrderId;
    /** Size and prices as the gateway last confirmed them (a modify changes them), initially the request's. */
    private long size;
    private long limitTicks;
    private long stopTicks;
    private long tsAmended = Long.MIN_VALUE;
    private OrderState state = OrderState.SUBMITTED;
    private long filledSize;
    /** The most the gateway's order updates have said is filled; its trades may still be on their way. */
    private long reportedFilled;
    private long filledCostTicks;
    private long tsEvent;
    private long deadline;
    private boolean cancelWanted;
    private boolean cancelAsked;
    private String rejectReason = "";
    private boolean retired;

    ManagedOrder(long clientOrderId, OrderRequest request, Contract contract, long tsCreated) {
        this.clientOrderId = clientOrderId;
        this.request = request;
        this.contract = contract;
        this.tsEvent = tsCreated;
        this.size = request.size();
        this.limitTicks = request.limitTicks();
        this.stopTicks = request.stopTicks();
    }

    public OrderRequest request() {
        return request;
    }

    public OrderState state() {
        return state;
    }

    /** Moves to {@code next} if the life cycle allows it; returns whether the state changed. */
    boolean moveTo(OrderState next, long ts) {
        if (next == state || !state.canMoveTo(next)) {
            return false;
        }
        state = next;
        tsEvent = ts;
        return true;
    }

    void gatewayOrderId(long id) {
        this.gatewayOrderId = id;
    }

    /**
     * The gateway's view of the order's size and prices (after a modify, or a trailing stop
     * moving); an update older than the last one applied is ignored, so reordered updates
     * cannot undo a modify.
     *
     * @return whether anything changed
     */
    boolean amend(long newSize, long newLimitTicks, long newStopTicks, long ts) {
        if (ts < tsAmended || newSize <= 0) {
            return false;
        }
        tsAmended = ts;
        long nextSize = Math.max(newSize, filledSize);
        long nextLimit = newLimitTicks != PriceTicks.NONE ? newLimitTicks : limitTicks;
        long nextStop = newStopTicks != PriceTicks.NONE ? newStopTicks : stopTicks;
        boolean changed = nextSize != size || nextLimit != limitTicks || nextStop != stopTicks;
        size = nextSize;
        limitTicks = nextLimit;
        stopTicks = nextStop;
        return changed;
    }

    void addFill(long size, long priceTicks, long ts) {
        filledSize += size;
        filledCostTicks = Math.addExact(filledCostTicks, Math.multiplyExact(size, priceTicks));
        tsEvent = ts;
    }

    /** An order update's fill volume: the gateway says this much has filled, whether or not its trades arrived. */
    void reportFilled(long volume) {
        reportedFilled = Math.max(reportedFilled, volume);
    }

    /**
     * Whether the gateway has reported fills of this order whose trades have not reached the
     * engine yet — an order update saying FILLED or CANCELLED can overtake its last trades.
     */
    public boolean awaitsFills() {
        return reportedFilled > filledSize;
    }

    /** Fills the gateway reported for this order whose trades have not reached the engine yet. */
    public long unseenFills() {
        return Math.max(0, reportedFilled - filledSize);
    }

    long deadline() {
        return deadline;
    }

    void deadline(long nanos) {
        this.deadline = nanos;
    }

    boolean cancelWanted() {
        return cancelWanted;
    }

    /** A cancel was asked for: to be sent once the gateway names the order, if it has not yet. */
    void askCancel() {
        cancelWanted = true;
        cancelAsked = true;
    }

    /**
     * Whether anyone asked to cancel this order; one that ends CANCELLED without it was
     * cancelled by the gateway.
     */
    public boolean cancelAsked() {
        return cancelAsked;
    }

    void cancelWanted(boolean wanted) {
        this.cancelWanted = wanted;
    }

    public long remaining() {
        return size - filledSize;
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public long accountId() {
        return request.accountId();
    }

    @Override
    public long gatewayOrderId() {
        return gatewayOrderId;
    }

    @Override
    public long clientOrderId() {
        return clientOrderId;
    }

    @Override
    public long tsEvent() {
        return tsEvent;
    }

    /** The gateway status this state corresponds to. */
    @Override
    public OrderStatus status() {
        switch (state) {
            case SUBMITTED:
                return OrderStatus.PENDING;
            case WORKING:
            case PARTIALLY_FILLED:
                return OrderStatus.OPEN;
            case PENDING_CANCEL:
                return OrderStatus.PENDING_CANCELLATION;
            case FILLED:
                return OrderStatus.FILLED;
            case CANCELLED:
                return OrderStatus.CANCELLED;
            case REJECTED:
                return OrderStatus.REJECTED;
            case EXPIRED:
                return OrderStatus.EXPIRED;
            default:
                return OrderStatus.NONE;
        }
    }

    @Override
    public OrderType type() {
        return request.type();
    }

    @Override
    public Side side() {
        return request.side();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long filledSize() {
        return filledSize;
    }

    @Override
    public long limitTicks() {
        return limitTicks;
    }

    @Override
    public long stopTicks() {
        return stopTicks;
    }

    @Override
    public long avgFillMicroTicks() {
        return filledSize == 0 ? 0
                : Math.floorDiv(Math.multiplyExact(filledCostTicks, PriceTicks.MICROS_PER_TICK), filledSize);
    }

    @Override
    public CharSequence rejectReason() {
        return rejectReason;
    }

    /** Marks the order as queued for forgetting; false if it already was. */
    boolean retire() {
        boolean first = !retired;
        retired = true;
        return first;
    }

    void rejectReason(String reason) {
        this.rejectReason = reason;
    }

    @Override
    public String toString() {
        return "Order{client=" + clientOrderId + ", gateway=" + gatewayOrderId + ", " + state + ", " + request.side()
                + " " + filledSize + "/" + size + " " + contract.symbol() + " " + request.type() + "}";
    }
}
