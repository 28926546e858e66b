package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.model.Side;

/**
 * Writes one of our fills (a gateway trade) into a ring slot. Owned by one producer thread,
 * reusable, allocation-free.
 */
public final class FillTranslator implements EventTranslator<InboundEvent> {
    private int contract;
    private long tsEvent;
    private long tsReceived;
    private long accountId;
    private long tradeId;
    private long gatewayOrderId;
    private Side side;
    private long size;
    private long priceTicks;
    private long feesCents;
    private long pnlCents;
    private boolean voided;

    /**
     * @param tradeId  the gateway's trade id, the fill's identity
     * @param pnlCents realized PnL, or {@link Long#MIN_VALUE} for an opening fill
     */
    public FillTranslator set(int contract, long tsEvent, long tsReceived, long accountId, long tradeId,
                              long gatewayOrderId, Side side, long size, long priceTicks, long feesCents,
                              long pnlCents, boolean voided) {
        this.contract = contract;
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.accountId = accountId;
        this.tradeId = tradeId;
        this.gatewayOrderId = gatewayOrderId;
        this.side = side;
        this.size = size;
        this.priceTicks = priceTicks;
        this.feesCents = feesCents;
        this.pnlCents = pnlCents;
        this.voided = voided;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.FILL;
        e.contract = contract;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.accountId = accountId;
        e.tradeId = tradeId;
        e.gatewayOrderId = gatewayOrderId;
        e.side = side;
        e.size = size;
        e.priceTicks = priceTicks;
        e.feesCents = feesCents;
        e.pnlCents = pnlCents;
        e.voided = voided;
    }
}
