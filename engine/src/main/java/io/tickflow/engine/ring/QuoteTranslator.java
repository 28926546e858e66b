package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes an L1 quote update into a ring slot. Mutable and owned by one producer thread: set
 * the fields, then {@link InboundPublisher#publish publish} it; the values are copied into
 * the slot, so the translator can be reused at once. Allocation-free.
 */
public final class QuoteTranslator implements EventTranslator<InboundEvent> {
    private int contract;
    private long tsEvent;
    private long tsReceived;
    private int fields;
    private long bidTicks;
    private long bidSize;
    private long askTicks;
    private long askSize;
    private long lastTicks;
    private long lastSize;
    private long volume;

    /** A full top-of-book update (bid, ask and their sizes). */
    public QuoteTranslator topOfBook(int contract, long tsEvent, long tsReceived,
                                     long bidTicks, long bidSize, long askTicks, long askSize) {
        return set(contract, tsEvent, tsReceived, QuoteFields.TOP_OF_BOOK, bidTicks, bidSize, askTicks, askSize, 0, 0, 0);
    }

    /**
     * Any subset of quote fields; those not flagged in {@code fields} are ignored.
     *
     * @param fields {@link QuoteFields} flags
     */
    public QuoteTranslator set(int contract, long tsEvent, long tsReceived, int fields,
                               long bidTicks, long bidSize, long askTicks, long askSize,
                               long lastTicks, long lastSize, long volume) {
        this.contract = contract;
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.fields = fields;
        this.bidTicks = bidTicks;
        this.bidSize = bidSize;
        this.askTicks = askTicks;
        this.askSize = askSize;
        this.lastTicks = lastTicks;
        this.lastSize = lastSize;
        this.volume = volume;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.QUOTE;
        e.contract = contract;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.quoteFields = fields;
        e.bidTicks = bidTicks;
        e.bidSize = bidSize;
        e.askTicks = askTicks;
        e.askSize = askSize;
        e.lastTicks = lastTicks;
        e.lastSize = lastSize;
        e.volume = volume;
    }
}
