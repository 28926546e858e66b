package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.strategy.PositionView;

/** A {@link PositionView} over the ring slot being dispatched. Engine thread only; re-pointed per event. */
final class SlotPositionView extends SlotView implements PositionView {

    SlotPositionView wrap(InboundEvent event, Contract contract) {
        point(event, contract);
        return this;
    }

    @Override
    public long accountId() {
        return event.accountId;
    }

    @Override
    public long netPosition() {
        return event.netPosition;
    }

    @Override
    public long avgPriceMicroTicks() {
        return event.avgPriceMicroTicks;
    }

    @Override
    public String toString() {
        return "Position " + event.accountId + " " + contract().symbol() + " " + event.netPosition;
    }
}
