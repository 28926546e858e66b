package io.tickflow.engine.core;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.strategy.BarView;

/** A {@link BarView} over a BAR ring slot (a bar from history or replay). Engine thread only. */
final class SlotBarView extends SlotView implements BarView {
    private BarSpec spec;

    SlotBarView wrap(InboundEvent event, Contract contract, BarSpec spec) {
        point(event, contract);
        this.spec = spec;
        return this;
    }

    @Override
    public BarSpec spec() {
        return spec;
    }

    @Override
    public long tsOpen() {
        return event.tsEvent;
    }

    @Override
    public long tsClose() {
        return event.tsEvent + event.barNanos;
    }

    @Override
    public long open() {
        return event.openTicks;
    }

    @Override
    public long high() {
        return event.highTicks;
    }

    @Override
    public long low() {
        return event.lowTicks;
    }

    @Override
    public long close() {
        return event.closeTicks;
    }

    @Override
    public long volume() {
        return event.volume;
    }

    @Override
    public long count() {
        return 0;
    }
}
