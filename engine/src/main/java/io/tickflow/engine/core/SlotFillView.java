package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.strategy.FillView;

/** A {@link FillView} over the ring slot being dispatched. Engine thread only; re-pointed per event. */
final class SlotFillView extends SlotView implements FillView {

    SlotFillView wrap(InboundEvent event, Contract contract) {
        point(event, contract);
        return this;
    }

    @Override
    public long accountId() {
        return event.accountId;
    }

    @Override
    public long tradeId() {
        return event.tradeId;
    }

    @Override
    public long gatewayOrderId() {
        return event.gatewayOrderId;
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
    public long priceTicks() {
        return event.priceTicks;
    }

    @Override
    public long feesCents() {
        return event.feesCents;
    }

    @Override
    public boolean hasPnl() {
        return event.pnlCents != Long.MIN_VALUE;
    }

    @Override
    public long pnlCents() {
        return event.pnlCents;
    }

    @Override
    public String toString() {
        return "Fill " + event.tradeId + " " + contract().symbol() + " " + event.side + " " + event.size + "@"
                + event.priceTicks;
    }
}
