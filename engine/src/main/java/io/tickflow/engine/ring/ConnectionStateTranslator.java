package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes a gateway connection's state change into a ring slot. Owned by one producer thread,
 * reusable; allocation-free while the detail fits the buffers.
 */
public final class ConnectionStateTranslator implements EventTranslator<InboundEvent> {
    private long tsEvent;
    private ConnectionLink link;
    private ConnectionState state;
    private final StringBuilder detail = new StringBuilder(128);

    /** @param detail why (e.g. the close reason), or null */
    public ConnectionStateTranslator set(long tsEvent, ConnectionLink link, ConnectionState state, CharSequence detail) {
        this.tsEvent = tsEvent;
        this.link = link;
        this.state = state;
        this.detail.setLength(0);
        if (detail != null) {
            this.detail.append(detail);
        }
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = EventType.CONNECTION_STATE;
        e.contract = -1;
        e.tsEvent = tsEvent;
        e.tsReceived = tsEvent;
        e.link = link;
        e.connectionState = state;
        e.setText(detail);
    }
}
