package io.tickflow.engine.time;

/**
 * A clock that moves only when told: for tests, and the event-time clock of backtests, which
 * the engine advances to each inbound event's {@code tsEvent}.
 *
 * <p>Written by one thread (the test or the engine thread); reads from other threads see the
 * latest value ({@code volatile}). Allocation-free.
 */
public final class ManualClock implements Clock {
    private volatile long nanos;

    public ManualClock() {
        this(0L);
    }

    public ManualClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanos() {
        return nanos;
    }

    /** Sets the time, forwards or backwards. */
    public void set(long epochNanos) {
        this.nanos = epochNanos;
    }

    /** Moves time forwards by {@code deltaNanos} (must not be negative). */
    public void advance(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("cannot advance a clock by a negative amount: " + deltaNanos);
        }
        this.nanos += deltaNanos;
    }

    /**
     * Moves time forwards to {@code epochNanos}; an earlier value is ignored, so event time
     * never runs backwards when a feed delivers a slightly out-of-order timestamp.
     *
     * @return the clock's time after the call
     */
    public long advanceTo(long epochNanos) {
        long current = nanos;
        if (epochNanos > current) {
            nanos = epochNanos;
            return epochNanos;
        }
        return current;
    }
}
