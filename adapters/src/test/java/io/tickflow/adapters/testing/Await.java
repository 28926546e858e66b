package io.tickflow.adapters.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: tests never sleep to wait for an event. */
public final class Await {
    /** How long any one wait may take before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until {@code value} gives a non-null result and returns it. */
    public static <T> T value(String what, Supplier<T> value) {
        Object[] box = new Object[1];
        until(what, () -> (box[0] = value.get()) != null);
        @SuppressWarnings("unchecked")
        T result = (T) box[0];
        return result;
    }
}
