package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.strategy.FillView;

/** A {@link FillView} of one fill the router just applied to an order. Engine thread only; reused. */
final class RouterFillView implements FillView {
    private ManagedOrder order;
    private long tradeId;
    private long size;
    private long priceTicks;

    RouterFillView set(ManagedOrder filled, long trade, long fillSize, long price) {
        this.order = filled;
        this.tradeId = trade;
        this.size = fillSize;
        this.priceTicks = price;
        return this;
    }

    @Override
    public Contract contract() {
        return order.contract();
    }

    @Override
    public long accountId() {
        return order.accountId();
    }

    @Override
    public long tradeId() {
        return tradeId;
    }

    @Override
    public long gatewayOrderId() {
        return order.gatewayOrderId();
    }

    @Override
    public long tsEvent() {
        return order.tsEvent();
    }

    @Override
    public Side side() {
        return order.side();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long priceTicks() {
        return priceTicks;
    }

    @Override
    public long feesCents() {
        return 0;
    }

    @Override
    public boolean hasPnl() {
        return false;
    }

    @Override
    public long pnlCents() {
        return 0;
    }

    @Override
    public String toString() {
        return "Fill " + tradeId + " of order " + order.clientOrderId() + ": " + size + "@" + priceTicks;
    }
}
