package io.tickflow.engine.core;

import java.util.EnumMap;
import java.util.Map;

import io.tickflow.engine.ring.EventType;

/**
 * Counters kept by the engine thread: events processed by type, events dropped as invalid,
 * strategy faults. The engine thread writes plain fields and publishes them at the end of
 * each batch; other threads read a consistent-enough snapshot through {@link #snapshot()}
 * (exact once the engine has stopped).
 */
public final class EngineStats {
    private final long[] byType = new long[EventType.values().length];
    private long rejected;
    private long faults;
    private volatile long publishedProcessed;
    private long processed;

    void count(EventType type) {
        if (type != null) {
            byType[type.ordinal()]++;
        }
        processed++;
    }

    void countRejected() {
        rejected++;
    }

    void countFault() {
        faults++;
    }

    /** Makes the counters visible to other threads (a volatile store after the plain writes). */
    void publish() {
        publishedProcessed = processed;
    }

    /** Events the engine thread has finished with, as of its last batch. */
    public long processed() {
        return publishedProcessed;
    }

    public Snapshot snapshot() {
        long total = publishedProcessed;
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            counts.put(type, byType[type.ordinal()]);
        }
        return new Snapshot(total, counts, rejected, faults);
    }

    /**
     * @param processed events handled
     * @param byType    events handled per type
     * @param rejected  events dropped as invalid (each logged)
     * @param faults    strategy callbacks that threw
     */
    public record Snapshot(long processed, Map<EventType, Long> byType, long rejected, long faults) {
        public long count(EventType type) {
            return byType.getOrDefault(type, 0L);
        }
    }
}
