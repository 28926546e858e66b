package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.strategy.TradeView;

/** A {@link TradeView} over the ring slot being dispatched. Engine thread only; re-pointed per event. */
final class SlotTradeView extends SlotView implements TradeView {

    SlotTradeView wrap(InboundEvent event, Contract contract) {
        point(event, contract);
        return this;
    }

    @Override
    public long priceTicks() {
        return event.priceTicks;
    }

    @Override
    public long size() {
        return event.size;
    }

    @Override
    public Side aggressor() {
        return event.side;
    }

    @Override
    public String toString() {
        return "Trade " + contract().symbol() + " " + event.size + "@" + event.priceTicks + " aggressor " + event.side;
    }
}
