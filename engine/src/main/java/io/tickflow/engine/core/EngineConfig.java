package io.tickflow.engine.core;

import java.time.Duration;
import java.util.Objects;

import io.tickflow.engine.ring.WaitStrategyKind;

/**
 * Engine tuning. Immutable; {@link #defaults()} suits a laptop.
 *
 * @param ringSize        inbound ring slots, a power of two
 * @param waitStrategy    how the engine thread waits for events
 * @param faultPolicy     default for strategies that throw
 * @param eventTime       true in backtests: the engine clock follows each event's {@code tsEvent}
 * @param barHistory      completed bars kept per bar series
 * @param bookDepth       initial price levels per book side (books grow when needed)
 * @param shutdownTimeout how long {@code close()} waits for the ring to drain
 */
public record EngineConfig(int ringSize, WaitStrategyKind waitStrategy, FaultPolicy faultPolicy, boolean eventTime,
                           int barHistory, int bookDepth, Duration shutdownTimeout) {
    public EngineConfig {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("engine ringSize must be a power of two >= 2, was " + ringSize);
        }
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(faultPolicy, "faultPolicy");
        if (barHistory < 1) {
            throw new IllegalArgumentException("engine barHistory must be at least 1, was " + barHistory);
        }
        if (bookDepth < 1) {
            throw new IllegalArgumentException("engine bookDepth must be at least 1, was " + bookDepth);
        }
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
            throw new IllegalArgumentException("engine shutdownTimeout must be positive, was " + shutdownTimeout);
        }
    }

    /** 64k slots, blocking wait, halt faulty strategies, wall-clock time, 2,048 bars, 64 levels, 10 s drain. */
    public static EngineConfig defaults() {
        return new EngineConfig(1 << 16, WaitStrategyKind.BLOCKING, FaultPolicy.HALT, false, 2048, 64,
                Duration.ofSeconds(10));
    }

    public EngineConfig withRingSize(int size) {
        return new EngineConfig(size, waitStrategy, faultPolicy, eventTime, barHistory, bookDepth, shutdownTimeout);
    }

    public EngineConfig withWaitStrategy(WaitStrategyKind kind) {
        return new EngineConfig(ringSize, kind, faultPolicy, eventTime, barHistory, bookDepth, shutdownTimeout);
    }

    public EngineConfig withFaultPolicy(FaultPolicy policy) {
        return new EngineConfig(ringSize, waitStrategy, policy, eventTime, barHistory, bookDepth, shutdownTimeout);
    }

    public EngineConfig withEventTime(boolean on) {
        return new EngineConfig(ringSize, waitStrategy, faultPolicy, on, barHistory, bookDepth, shutdownTimeout);
    }

    public EngineConfig withBarHistory(int bars) {
        return new EngineConfig(ringSize, waitStrategy, faultPolicy, eventTime, bars, bookDepth, shutdownTimeout);
    }
}
