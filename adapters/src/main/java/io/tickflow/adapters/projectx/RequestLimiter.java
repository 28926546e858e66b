package io.tickflow.adapters.projectx;

import java.util.ArrayDeque;

/**
 * The service's request limits kept on our side, so the engine is never the one that gets
 * 429s: a sliding window per endpoint group ({@code History/retrieveBars} 50 per 30 s,
 * everything else 200 per 60 s). {@link #acquire} waits for room. Thread-safe.
 */
final class RequestLimiter {
    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    RequestLimiter(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    static RequestLimiter history() {
        return new RequestLimiter(50, 30_000_000_000L);
    }

    static RequestLimiter general() {
        return new RequestLimiter(200, 60_000_000_000L);
    }

    /** Waits until one more request fits in the window, then counts it. */
    void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                    sent.pollFirst();
                }
                if (sent.size() < limit) {
                    sent.addLast(now);
                    return;
                }
                wait = windowNanos - (now - sent.peekFirst());
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.max(wait, 1_000_000));
        }
    }
}
