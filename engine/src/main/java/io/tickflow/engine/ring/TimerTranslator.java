package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes a "time passes" event into a ring slot: the engine fires due strategy timers and
 * closes due time bars even when no market data arrives. Owned by one producer thread,
 * reusable, allocation-free.
 */
public final class TimerTranslator implements EventTranslator<InboundEvent> {
    private long nowNanos;

    public TimerTranslator set(long nowNanos) {
        this.nowNanos = nowNanos;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.TIMER;
        e.contract = -1;
        e.tsEvent = nowNanos;
        e.tsReceived = nowNanos;
    }
}
