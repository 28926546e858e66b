package io.tickflow.engine.time;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A clock that moves only when told: for tests, and the event-time clock of backtests, which
 * the engine advances to each inbound event's {@code tsEvent}.
 *
 * <p>Written by one thread at a time (the test, or the engine thread). Writes are release
 * stores and reads acquire loads: other threads see time move forward promptly and in order,
 * without the full fence a volatile write would cost the engine thread on every event.
 * Allocation-free.
 */
public final class ManualClock implements Clock {
    private static final VarHandle NANOS;

    static {
        try {
            NANOS = MethodHandles.lookup().findVarHandle(ManualClock.class, "nanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through NANOS
    private long nanos;

    public ManualClock() {
        this(0L);
    }

    public ManualClock(long startNanos) {
        NANOS.setRelease(this, startNanos);
    }

    @Override
    public long nanos() {
        return (long) NANOS.getAcquire(this);
    }

    /** Sets the time, forwards or backwards. */
    public void set(long epochNanos) {
        NANOS.setRelease(this, epochNanos);
    }

    /** Moves time forwards by {@code deltaNanos} (must not be negative). */
    public void advance(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("cannot advance a clock by a negative amount: " + deltaNanos);
        }
        NANOS.setRelease(this, nanos() + deltaNanos);
    }

    /**
     * Moves time forwards to {@code epochNanos}; an earlier value is ignored, so event time
     * never runs backwards when a feed delivers a slightly out-of-order timestamp.
     *
     * @return the clock's time after the call
     */
    public long advanceTo(long epochNanos) {
        long current = (long) NANOS.getOpaque(this);
        if (epochNanos > current) {
            NANOS.setRelease(this, epochNanos);
            return epochNanos;
        }
        return current;
    }
}
