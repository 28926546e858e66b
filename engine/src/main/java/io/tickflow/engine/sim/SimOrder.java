package io.tickflow.engine.sim;

import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.order.OrderRequest;

/** An order resting in the simulated exchange. Engine thread only. */
final class SimOrder {
    final long gatewayOrderId;
    final long clientOrderId;
    final OrderRequest request;
    long size;
    long limitTicks;
    long stopTicks;
    /** For trailing stops: the best price seen since placement (highest for a sell, lowest for a buy). */
    long extreme = PriceTicks.NONE;
    boolean triggered;

    SimOrder(long gatewayOrderId, long clientOrderId, OrderRequest request, long limitTicks) {
        this.gatewayOrderId = gatewayOrderId;
        this.clientOrderId = clientOrderId;
        this.request = request;
        this.size = request.size();
        this.limitTicks = limitTicks;
        this.stopTicks = request.stopTicks();
    }
}
