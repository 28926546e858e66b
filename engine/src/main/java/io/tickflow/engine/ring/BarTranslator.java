package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes a completed bar from history or a replay file into a ring slot. Owned by one
 * producer thread, reusable, allocation-free.
 */
public final class BarTranslator implements EventTranslator<InboundEvent> {
    private int contract;
    private long tsOpen;
    private long tsReceived;
    private long barNanos;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;

    /**
     * @param tsOpen   the bar's open time (it becomes the slot's {@code tsEvent})
     * @param barNanos the bar's length
     */
    public BarTranslator set(int contract, long tsOpen, long tsReceived, long barNanos,
                             long open, long high, long low, long close, long volume) {
        this.contract = contract;
        this.tsOpen = tsOpen;
        this.tsReceived = tsReceived;
        this.barNanos = barNanos;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.BAR;
        e.contract = contract;
        e.tsEvent = tsOpen;
        e.tsReceived = tsReceived;
        e.barNanos = barNanos;
        e.openTicks = open;
        e.highTicks = high;
        e.lowTicks = low;
        e.closeTicks = close;
        e.volume = volume;
    }
}
