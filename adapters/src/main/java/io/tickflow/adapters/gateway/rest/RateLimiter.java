package io.tickflow.adapters.gateway.rest;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The service's documented request limits, per user and endpoint group, as sliding windows:
 * {@code History/retrieveBars} 50 per 30 s, everything else 200 per 60 s. Thread-safe.
 */
final class RateLimiter {
    private final LongSupplier millis;
    private final boolean enabled;
    private final Map<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

    RateLimiter(boolean enabled, LongSupplier wallMillis) {
        this.enabled = enabled;
        this.millis = wallMillis;
    }

    /** Counts one call; false if it is over the limit (the call must be answered 429). */
    boolean allow(String user, boolean history) {
        if (!enabled) {
            return true;
        }
        int limit = history ? 50 : 200;
        long window = history ? 30_000 : 60_000;
        ArrayDeque<Long> calls = windows.computeIfAbsent(user + (history ? "#bars" : "#rest"), k -> new ArrayDeque<>());
        synchronized (calls) {
            long now = millis.getAsLong();
            while (!calls.isEmpty() && calls.peekFirst() <= now - window) {
                calls.pollFirst();
            }
            if (calls.size() >= limit) {
                return false;
            }
            calls.addLast(now);
            return true;
        }
    }
}
