package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes an account's balance and trading permission into a ring slot. Owned by one producer
 * thread, reusable, allocation-free.
 */
public final class AccountUpdateTranslator implements EventTranslator<InboundEvent> {
    private long tsEvent;
    private long tsReceived;
    private long accountId;
    private long balanceCents;
    private boolean canTrade;

    public AccountUpdateTranslator set(long tsEvent, long tsReceived, long accountId, long balanceCents,
                                       boolean canTrade) {
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.accountId = accountId;
        this.balanceCents = balanceCents;
        this.canTrade = canTrade;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.ACCOUNT_UPDATE;
        e.contract = -1;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.accountId = accountId;
        e.balanceCents = balanceCents;
        e.canTrade = canTrade;
    }
}
