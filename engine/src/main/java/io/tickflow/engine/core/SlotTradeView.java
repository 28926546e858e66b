package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.strategy.TradeView;

/** A {@link TradeView} over the ring slot being dispatched. Engine thread only; re-pointed per event. */
final class SlotTradeView implements TradeView {
    private InboundEvent event;
    private Contract contract;

    SlotTradeView wrap(InboundEvent event, Contract contract) {
        this.event = event;
        this.contract = contract;
        return this;
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public long tsEvent() {
        return event.tsEvent;
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
        return "Trade " + contract.symbol() + " " + event.size + "@" + event.priceTicks + " aggressor " + event.side;
    }
}
