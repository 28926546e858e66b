package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes the gateway's view of one position into a ring slot. Owned by one producer thread,
 * reusable, allocation-free.
 */
public final class PositionUpdateTranslator implements EventTranslator<InboundEvent> {
    private int contract;
    private long tsEvent;
    private long tsReceived;
    private long accountId;
    private long netPosition;
    private long avgPriceMicroTicks;

    /**
     * @param netPosition        signed: positive long, negative short, 0 flat (the gateway's
     *                           unsigned size with its Long/Short type folded in)
     * @param avgPriceMicroTicks average entry price in millionths of a tick
     */
    public PositionUpdateTranslator set(int contract, long tsEvent, long tsReceived, long accountId,
                                        long netPosition, long avgPriceMicroTicks) {
        this.contract = contract;
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.accountId = accountId;
        this.netPosition = netPosition;
        this.avgPriceMicroTicks = avgPriceMicroTicks;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.POSITION_UPDATE;
        e.contract = contract;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.accountId = accountId;
        e.netPosition = netPosition;
        e.avgPriceMicroTicks = avgPriceMicroTicks;
    }
}
