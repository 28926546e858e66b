package io.tickflow.engine.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the engine thread waits for the next event: the trade between latency and CPU.
 */
public enum WaitStrategyKind {
    /** Spins on the ring: lowest latency, burns a whole core. For a dedicated, isolated core. */
    BUSY_SPIN,
    /** Spins, then yields the core: low latency, high CPU, shares a core politely. */
    YIELDING,
    /** Spins, yields, then sleeps briefly: moderate latency, low CPU when idle. */
    SLEEPING,
    /** Parks on a lock until signalled: highest latency, no CPU when idle. The default on a laptop. */
    BLOCKING;

    /** A new Disruptor wait strategy of this kind. */
    public WaitStrategy create() {
        switch (this) {
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            case YIELDING:
                return new YieldingWaitStrategy();
            case SLEEPING:
                return new SleepingWaitStrategy();
            case BLOCKING:
                return new BlockingWaitStrategy();
            default:
                throw new IllegalStateException("unhandled wait strategy " + this);
        }
    }
}
