package io.tickflow.adapters.projectx;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The service's request limits kept on our side, so the engine is never the one that gets
 * 429s: a token bucket per endpoint group ({@code History/retrieveBars} 50 per 30 s,
 * everything else 200 per 60 s). The service's window type is unverified, so the bucket is
 * sized to hold the limit in <em>every</em> window of that length, sliding or fixed: it holds
 * a burst of a quarter of the limit and refills the other three quarters over the window, so
 * no window can see more than burst + refill = the limit. Sustained rate: 3/4 of the limit.
 *
 * <p>Exact integer arithmetic: one token is {@code windowNanos} units of credit, and every
 * elapsed nanosecond adds {@code limit - burst} units. Time only from the clock given, so a
 * test drives it with a fake one. Thread-safe; {@link #acquire} blocks the calling I/O
 * thread (never the engine thread).
 */
final class RequestLimiter {
    private final long windowNanos;
    private final long refillPerNano;
    private final long capacityUnits;
    private final LongSupplier nanos;
    private long credit;
    private long lastNanos;

    RequestLimiter(int limit, long windowNanos, LongSupplier nanos) {
        if (limit < 4 || windowNanos <= 0) {
            throw new IllegalArgumentException("a limit of at least 4 per positive window, not " + limit + " per "
                    + windowNanos + " ns");
        }
        int burst = limit / 4;
        this.windowNanos = windowNanos;
        this.refillPerNano = limit - burst;
        this.capacityUnits = burst * windowNanos;
        this.nanos = nanos;
        this.credit = capacityUnits;
        this.lastNanos = nanos.getAsLong();
    }

    static RequestLimiter history() {
        return history(System::nanoTime);
    }

    static RequestLimiter general() {
        return general(System::nanoTime);
    }

    static RequestLimiter history(LongSupplier nanos) {
        return new RequestLimiter(50, 30_000_000_000L, nanos);
    }

    static RequestLimiter general(LongSupplier nanos) {
        return new RequestLimiter(200, 60_000_000_000L, nanos);
    }

    /** Takes a token if one is there: 0 then, else the nanoseconds until one will be. */
    synchronized long tryAcquire() {
        long now = nanos.getAsLong();
        long elapsed = Math.max(0, now - lastNanos);
        lastNanos = now;
        // elapsed is capped first so the product cannot overflow: a full bucket is all it can add
        long gain = Math.min(elapsed, capacityUnits) * refillPerNano;
        credit = Math.min(capacityUnits, credit + gain);
        if (credit >= windowNanos) {
            credit -= windowNanos;
            return 0;
        }
        long missing = windowNanos - credit;
        return (missing + refillPerNano - 1) / refillPerNano;
    }

    /** Waits until a token is there, then takes it. */
    void acquire() throws InterruptedException {
        for (long wait = tryAcquire(); wait > 0; wait = tryAcquire()) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
