package io.tickflow.adapters.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What happened during a soak, with milliseconds since its start, for the report on failure. Thread-safe. */
final class Timeline {
    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    void add(String what) {
        lines.add(String.format("%8d ms  %s", (System.nanoTime() - startNanos) / 1_000_000, what));
    }

    long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The last {@code n} lines. */
    List<String> tail(int n) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    int size() {
        return lines.size();
    }
}
