package io.tickflow.engine.sim;

import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.order.OrderRequest;

/** An order working in the simulated exchange. Engine thread only. */
final class SimOrder {
    /** {@link #queueAhead} before the order has been seen at the touch. */
    static final long QUEUE_UNKNOWN = -1;

    final long gatewayOrderId;
    final long clientOrderId;
    final OrderRequest request;
    long size;
    long limitTicks;
    long stopTicks;
    long filled;
    /** Sum of fill size × price, ticks: the average fill price's numerator. */
    long filledValueTicks;
    /** For trailing stops: the best price seen since placement (highest for a sell, lowest for a buy). */
    long extreme = PriceTicks.NONE;
    boolean triggered;
    /** Contracts estimated ahead of this limit at its price, or {@link #QUEUE_UNKNOWN}. */
    long queueAhead = QUEUE_UNKNOWN;

    SimOrder(long gatewayOrderId, long clientOrderId, OrderRequest request, long limitTicks) {
        this.gatewayOrderId = gatewayOrderId;
        this.clientOrderId = clientOrderId;
        this.request = request;
        this.size = request.size();
        this.limitTicks = limitTicks;
        this.stopTicks = request.stopTicks();
    }

    long remaining() {
        return size - filled;
    }

    /** Fills at the market: a market order, or a stop or trailing stop once triggered. */
    boolean isMarketLike() {
        OrderType t = request.type();
        return t == OrderType.MARKET || (triggered && (t == OrderType.STOP || t == OrderType.TRAILING_STOP));
    }

    /** Fills at a limit price: a limit, a joined bid or ask, or a stop-limit once triggered. */
    boolean isLimitLike() {
        OrderType t = request.type();
        return t == OrderType.LIMIT || t == OrderType.JOIN_BID || t == OrderType.JOIN_ASK
                || (t == OrderType.STOP_LIMIT && triggered);
    }

    /** Waits for a trade print to trigger: a stop, stop-limit or trailing stop not yet triggered. */
    boolean awaitsTrigger() {
        OrderType t = request.type();
        return !triggered && (t == OrderType.STOP || t == OrderType.STOP_LIMIT || t == OrderType.TRAILING_STOP);
    }
}
