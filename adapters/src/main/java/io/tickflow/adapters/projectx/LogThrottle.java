package io.tickflow.adapters.projectx;

import java.util.function.LongSupplier;

/**
 * Keeps a storm of one warning from flooding the log: the first {@code burst} of each interval
 * are let through, the rest held back and counted, and the next one let through after the
 * interval says how many were held back. Any thread.
 */
final class LogThrottle {
    private final int burst;
    private final long intervalNanos;
    private final LongSupplier nanos;
    private long windowStart;
    private int inWindow;
    private long heldBack;

    /** @param nanos a clock in nanoseconds (its origin does not matter) */
    LogThrottle(int burst, long intervalNanos, LongSupplier nanos) {
        if (burst < 1 || intervalNanos <= 0) {
            throw new IllegalArgumentException("burst must be at least 1 and the interval positive");
        }
        this.burst = burst;
        this.intervalNanos = intervalNanos;
        this.nanos = nanos;
        this.windowStart = nanos.getAsLong();
    }

    /**
     * Whether to log this one: -1 to hold it back, else how many were held back since the last
     * one logged (to say so in its line).
     */
    synchronized long admit() {
        long now = nanos.getAsLong();
        if (now - windowStart >= intervalNanos) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow >= burst) {
            heldBack++;
            return -1;
        }
        inWindow++;
        long held = heldBack;
        heldBack = 0;
        return held;
    }
}
