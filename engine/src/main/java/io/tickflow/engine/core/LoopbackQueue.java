package io.tickflow.engine.core;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.sim.SimEventSink;

/**
 * Events produced on the engine thread itself (the in-process simulated exchange's answers),
 * queued in reused slots and processed right after the event that caused them, before the
 * next ring event. Publishing them into the ring instead could deadlock the engine thread on
 * a full ring of its own making. Engine thread only; grows (rarely) when a burst of answers
 * exceeds its slots, otherwise allocation-free.
 */
final class LoopbackQueue implements SimEventSink {
    private InboundEvent[] slots;
    private int head;
    private int size;

    LoopbackQueue(int capacity) {
        slots = new InboundEvent[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new InboundEvent();
        }
    }

    @Override
    public void publish(EventTranslator<InboundEvent> translator) {
        if (size == slots.length) {
            grow();
        }
        translator.translateTo(slots[(head + size) % slots.length], 0);
        size++;
    }

    /**
     * The oldest queued event, or null when empty. It stays queued (its slot is not reused)
     * until {@link #removeHead()}, so handling it may publish more events safely.
     */
    InboundEvent peek() {
        return size == 0 ? null : slots[head];
    }

    /** Drops the oldest queued event, once it has been handled. */
    void removeHead() {
        head = (head + 1) % slots.length;
        size--;
    }

    private void grow() {
        InboundEvent[] bigger = new InboundEvent[slots.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = slots[(head + i) % slots.length];
        }
        for (int i = size; i < bigger.length; i++) {
            bigger[i] = new InboundEvent();
        }
        slots = bigger;
        head = 0;
    }
}
