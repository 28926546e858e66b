package io.tickflow.engine.time;

/**
 * Wall-clock epoch nanoseconds with nanosecond resolution and monotonic increments:
 * {@link System#nanoTime()} anchored once to the wall clock at construction. Immune to
 * wall-clock steps after construction (an NTP jump does not make time run backwards);
 * thread-safe and allocation-free.
 */
public final class SystemClock implements Clock {
    private final long epochNanosAtAnchor;
    private final long nanoTimeAtAnchor;

    public SystemClock() {
        java.time.Instant now = java.time.Instant.now();
        this.nanoTimeAtAnchor = System.nanoTime();
        this.epochNanosAtAnchor = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long nanos() {
        return epochNanosAtAnchor + (System.nanoTime() - nanoTimeAtAnchor);
    }
}
