package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

/**
 * Writes one L2 level change into a ring slot. A feed update with several levels becomes
 * several slots, the last with {@code batchEnd}; strategies see the book after the batch.
 * Owned by one producer thread, reusable, allocation-free.
 */
public final class DepthTranslator implements EventTranslator<InboundEvent> {
    private int contract;
    private long tsEvent;
    private long tsReceived;
    private DepthAction action;
    private Side side;
    private long priceTicks;
    private long size;
    private boolean batchEnd;

    /** Sets the total size at a level; size 0 removes it. */
    public DepthTranslator update(int contract, long tsEvent, long tsReceived, Side side, long priceTicks, long size,
                                  boolean batchEnd) {
        return set(contract, tsEvent, tsReceived, DepthAction.UPDATE, side, priceTicks, size, batchEnd);
    }

    public DepthTranslator delete(int contract, long tsEvent, long tsReceived, Side side, long priceTicks,
                                  boolean batchEnd) {
        return set(contract, tsEvent, tsReceived, DepthAction.DELETE, side, priceTicks, 0, batchEnd);
    }

    public DepthTranslator clear(int contract, long tsEvent, long tsReceived, boolean batchEnd) {
        return set(contract, tsEvent, tsReceived, DepthAction.CLEAR, null, PriceTicks.NONE, 0, batchEnd);
    }

    private DepthTranslator set(int contract, long tsEvent, long tsReceived, DepthAction action, Side side,
                                long priceTicks, long size, boolean batchEnd) {
        this.contract = contract;
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.action = action;
        this.side = side;
        this.priceTicks = priceTicks;
        this.size = size;
        this.batchEnd = batchEnd;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.DEPTH;
        e.contract = contract;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.depthAction = action;
        e.side = side;
        e.priceTicks = priceTicks;
        e.size = size;
        e.batchEnd = batchEnd;
    }
}
