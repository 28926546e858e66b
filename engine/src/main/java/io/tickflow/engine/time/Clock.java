package io.tickflow.engine.time;

/**
 * The engine's only source of time: epoch nanoseconds (UTC). Engine code never reads the
 * system clock directly, so the same code runs live ({@link SystemClock}) and in event time
 * ({@link ManualClock}, advanced by the engine to each event's timestamp in a backtest).
 */
@FunctionalInterface
public interface Clock {
    /** Nanoseconds since 1970-01-01T00:00:00Z. Never allocates. */
    long nanos();
}
