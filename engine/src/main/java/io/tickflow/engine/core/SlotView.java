package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.ring.InboundEvent;

/**
 * Base of the flyweight views over the ring slot being dispatched: the slot and its contract,
 * re-pointed for every event. Engine thread only; never allocates.
 */
abstract class SlotView {
    protected InboundEvent event;
    private Contract contract;

    final void point(InboundEvent slot, Contract slotContract) {
        this.event = slot;
        this.contract = slotContract;
    }

    public final Contract contract() {
        return contract;
    }

    public final long tsEvent() {
        return event.tsEvent;
    }
}
