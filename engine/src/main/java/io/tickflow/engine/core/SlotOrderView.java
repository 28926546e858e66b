package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.strategy.OrderView;

/** An {@link OrderView} over the ring slot being dispatched. Engine thread only; re-pointed per event. */
final class SlotOrderView extends SlotView implements OrderView {

    SlotOrderView wrap(InboundEvent event, Contract contract) {
        point(event, contract);
        return this;
    }

    @Override
    public long accountId() {
        return event.accountId;
    }

    @Override
    public long gatewayOrderId() {
        return event.gatewayOrderId;
    }

    @Override
    public long clientOrderId() {
        return event.clientOrderId;
    }

    @Override
    public OrderStatus status() {
        return event.orderStatus;
    }

    @Override
    public OrderType type() {
        return event.orderType;
    }

    @Override
    public Side side() {
        return event.side;
    }

    @Override
    public long size() {
        return event.size;
    }

    @Override
    public long filledSize() {
        return event.filledSize;
    }

    @Override
    public long limitTicks() {
        return event.limitTicks;
    }

    @Override
    public long stopTicks() {
        return event.stopTicks;
    }

    @Override
    public long avgFillMicroTicks() {
        return event.avgPriceMicroTicks;
    }

    @Override
    public String toString() {
        return "Order " + event.gatewayOrderId + " " + contract().symbol() + " " + event.orderStatus + " " + event.side
                + " " + event.filledSize + "/" + event.size;
    }
}
