package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes an operator command (halt, resume, shutdown) into a ring slot. Owned by one producer
 * thread, reusable.
 */
public final class ControlTranslator implements EventTranslator<InboundEvent> {
    private long tsEvent;
    private ControlAction action;
    private String strategyName;

    /** @param strategyName the strategy targeted, or null for every strategy */
    public ControlTranslator set(long tsEvent, ControlAction action, String strategyName) {
        this.tsEvent = tsEvent;
        this.action = action;
        this.strategyName = strategyName;
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.CONTROL;
        e.contract = -1;
        e.tsEvent = tsEvent;
        e.tsReceived = tsEvent;
        e.controlAction = action;
        e.setText(strategyName);
    }
}
