package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.RingBuffer;

/**
 * The producer side of the inbound ring: adapters, replay readers, timers and tests publish
 * every inbound event through it. Safe for any number of producer threads, each using its
 * own translators (translators are mutable and not thread-safe).
 *
 * <p>{@link #publish} waits for a free slot when the ring is full: back-pressure, never a
 * dropped event. After the engine is closed, publishing fails with an
 * {@link IllegalStateException} rather than losing the event silently.
 *
 * <p>Allocation-free.
 */
public final class InboundPublisher {
    private final RingBuffer<InboundEvent> ring;
    private volatile boolean open = true;

    InboundPublisher(RingBuffer<InboundEvent> ring) {
        this.ring = ring;
    }

    /**
     * Claims the next slot, lets {@code translator} fill it, and makes it visible to the engine
     * thread.
     *
     * @throws IllegalStateException if the engine has been closed
     */
    public void publish(EventTranslator<InboundEvent> translator) {
        if (!open) {
            throw new IllegalStateException("the engine is closed; the event was not published");
        }
        ring.publishEvent(translator);
    }

    /**
     * As {@link #publish}, but returns false instead of waiting when the ring is full, for a
     * producer that must never block (it then decides what to do with the event).
     *
     * @throws IllegalStateException if the engine has been closed
     */
    public boolean tryPublish(EventTranslator<InboundEvent> translator) {
        if (!open) {
            throw new IllegalStateException("the engine is closed; the event was not published");
        }
        return ring.tryPublishEvent(translator);
    }

    /** Free slots right now; a gauge for monitoring, stale as soon as it is read. */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    public int ringSize() {
        return ring.getBufferSize();
    }

    /** Rejects further publications; the final events may still be published through {@link #publishFinal}. */
    void close() {
        open = false;
    }

    /** Publishes even after {@link #close()}: for the engine's own shutdown event. */
    void publishFinal(EventTranslator<InboundEvent> translator) {
        ring.publishEvent(translator);
    }
}
