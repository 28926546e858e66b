package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.Side;

/**
 * Writes the gateway's view of one of our orders into a ring slot. Owned by one producer
 * thread, reusable, allocation-free.
 */
public final class OrderUpdateTranslator implements EventTranslator<InboundEvent> {
    private int contract;
    private long tsEvent;
    private long tsReceived;
    private long accountId;
    private long gatewayOrderId;
    private long clientOrderId;
    private OrderStatus status;
    private OrderType orderType;
    private Side side;
    private long size;
    private long filledSize;
    private long limitTicks;
    private long stopTicks;
    private long avgFillMicroTicks;

    /**
     * @param clientOrderId     our id decoded from the order's customTag, or 0 if it carries none of ours
     * @param limitTicks        limit price or {@code PriceTicks.NONE}
     * @param stopTicks         stop price or {@code PriceTicks.NONE}
     * @param avgFillMicroTicks average fill price in millionths of a tick, 0 if unfilled
     */
    public OrderUpdateTranslator set(int contract, long tsEvent, long tsReceived, long accountId, long gatewayOrderId,
                                     long clientOrderId, OrderStatus status, OrderType orderType, Side side, long size,
                                     long filledSize, long limitTicks, long stopTicks, long avgFillMicroTicks) {
        this.contract = contract;
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.accountId = accountId;
        this.gatewayOrderId = gatewayOrderId;
        this.clientOrderId = clientOrderId;
        this.status = status;
        this.orderType = orderType;
        this.side = side;
        this.size = size;
        this.filledSize = filledSize;
        this.limitTicks = limitTicks;
        this.stopTicks = stopTicks;
        this.avgFillMicroTicks = avgFillMicroTicks;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.ORDER_UPDATE;
        e.contract = contract;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.accountId = accountId;
        e.gatewayOrderId = gatewayOrderId;
        e.clientOrderId = clientOrderId;
        e.orderStatus = status;
        e.orderType = orderType;
        e.side = side;
        e.size = size;
        e.filledSize = filledSize;
        e.limitTicks = limitTicks;
        e.stopTicks = stopTicks;
        e.avgPriceMicroTicks = avgFillMicroTicks;
    }
}
