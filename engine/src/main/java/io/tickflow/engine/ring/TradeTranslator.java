package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.model.Side;

/**
 * Writes a market trade print into a ring slot. Owned by one producer thread, reusable,
 * allocation-free (see {@link QuoteTranslator}).
 */
public final class TradeTranslator implements EventTranslator<InboundEvent> {
    private int contract;
    private long tsEvent;
    private long tsReceived;
    private long priceTicks;
    private long size;
    private Side aggressor;

    /** @param aggressor the aggressor's side, or null when unknown */
    public TradeTranslator set(int contract, long tsEvent, long tsReceived, long priceTicks, long size, Side aggressor) {
        this.contract = contract;
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.priceTicks = priceTicks;
        this.size = size;
        this.aggressor = aggressor;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.TRADE;
        e.contract = contract;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.priceTicks = priceTicks;
        e.size = size;
        e.side = aggressor;
    }
}
